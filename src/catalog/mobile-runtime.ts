/**
 * Modules only a React Native app loads at run time (Expo's included): `react-native` and its
 * subpaths, the community's `react-native-*` and `@react-native-*` packages, `expo` and the
 * `expo-*` modules. Not Expo's build tooling (`@expo/config-plugins`, `expo/config`), which runs
 * under Node when the app is built. See `importsMobileRuntime` (analysis/mobile-app.ts).
 */
export const MOBILE_RUNTIME_MODULE = /^(?:react-native(?:-[\w.-]+)?|@react-native(?:-[\w.-]+)?\/[\w.-]+|expo(?:-[\w.-]+)?)(?:\/|$)/;

/**
 * Modules under those names that run under Node, not in the app: Expo's build tooling
 * (`expo/config`, `expo/config-plugins`, `expo-cli`, `expo-module-scripts`,
 * `expo-modules-autolinking`, `expo-doctor`) and its push-notification SDK for servers
 * (`expo-server-sdk`).
 */
export const MOBILE_BUILD_TOOLING_MODULE = /^(?:expo\/config(?:[/-]|$)|expo-(?:cli|server-sdk|module-scripts|modules-autolinking|doctor)(?:\/|$))/;
