import type * as ts from 'typescript';
import type { TSESTree } from '@typescript-eslint/utils';
import type { ParserServicesWithTypeInformation } from '@typescript-eslint/utils';
import { checkerQuery } from './promises';

/** `ts.TypeFlags.TypeParameter`; written out so untyped mode never loads `typescript`. */
const TYPE_FLAGS_TYPE_PARAMETER = 262144;

/** How deep `mentions` looks into unions and type arguments (`Promise<T> | T`, `Promise<Array<T>>`). */
const MAX_TYPE_DEPTH = 3;

/**
 * Typed mode: is the callee of `call` a runner of the function passed at `index`, declared so that
 * it settles with what that function returns (`trace<T>(name, run: () => Promise<T> | T): Promise<T>`,
 * `mutex.runExclusive<T>(run: () => Promise<T>): Promise<T>`, `withSpan`, `retry`)? True when the
 * callee has exactly one call signature, one of its type parameters is in the return type of the
 * parameter at `index` (a function type) and in the signature's own return type. A callee that only
 * registers the function (`subscribe(topic, handler: () => Promise<void>): Promise<void>`) shares no
 * type parameter with it, and its promise is its own. False untyped-like: on any checker failure.
 */
export function runsCallbackForResult(
  services: Pick<ParserServicesWithTypeInformation, 'program' | 'esTreeNodeToTSNodeMap'>,
  call: TSESTree.CallExpression,
  index: number,
): boolean {
  return checkerQuery(false, () => {
    const checker = services.program.getTypeChecker();
    const callee = services.esTreeNodeToTSNodeMap.get(call.callee);
    const signatures = checker.getTypeAtLocation(callee).getCallSignatures();
    const signature = signatures.length === 1 ? signatures[0] : undefined;
    const typeParameters = signature?.getTypeParameters();
    const parameter = signature?.parameters[index];
    if (!signature || !typeParameters || typeParameters.length === 0 || !parameter) return false;
    const parameterType = checker.getTypeOfSymbol(parameter);
    const runReturns = checker.getNonNullableType(parameterType).getCallSignatures().map((inner) => inner.getReturnType());
    const result = signature.getReturnType();
    return typeParameters.some(
      (typeParameter) => runReturns.some((returned) => mentions(checker, returned, typeParameter, 0)) && mentions(checker, result, typeParameter, 0),
    );
  });
}

/** Does `type` name `typeParameter` itself, as a union member, or as a type argument (to `MAX_TYPE_DEPTH`)? */
function mentions(checker: ts.TypeChecker, type: ts.Type, typeParameter: ts.TypeParameter, depth: number): boolean {
  if (type === typeParameter) return true;
  if (depth >= MAX_TYPE_DEPTH) return false;
  if (type.isUnion()) return type.types.some((part) => mentions(checker, part, typeParameter, depth + 1));
  if (type.flags & TYPE_FLAGS_TYPE_PARAMETER) return false;
  const args = 'target' in type ? checker.getTypeArguments(type as ts.TypeReference) : [];
  return args.some((arg) => mentions(checker, arg, typeParameter, depth + 1));
}
