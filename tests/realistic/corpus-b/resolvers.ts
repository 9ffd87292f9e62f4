import DataLoader from 'dataloader';
import { GraphQLError } from 'graphql';
import type { Context } from './context';

async function loadAuthor(ctx: Context, id: string) {
  return ctx.db.author.findUnique({ where: { id } });
}

async function loadStats(ctx: Context, postId: string) {
  const res = await fetch(`${ctx.statsUrl}/posts/${postId}`);
  return res.json();
}

async function loadTags(ctx: Context, postId: string) {
  return ctx.db.tag.findMany({ where: { posts: { some: { id: postId } } } });
}

async function publishEvent(ctx: Context, name: string, payload: unknown) {
  await ctx.pubsub.publish(name, payload);
}

export const resolvers = {
  Query: {
    post: async (_: unknown, { id }: { id: string }, ctx: Context) => {
      const post = await ctx.db.post.findUnique({ where: { id } });
      if (!post) throw new GraphQLError('Not found', { extensions: { code: 'NOT_FOUND' } });
      const [author, stats] = await Promise.all([
        await loadAuthor(ctx, post.authorId), // expect: prefer-promise-all
        await loadStats(ctx, post.id), // expect: prefer-promise-all
      ]);
      return { ...post, author, stats };
    },
    feed: async (_: unknown, { ids }: { ids: string[] }, ctx: Context) => {
      return Promise.all(ids.map((id) => ctx.loaders.post.load(id)));
    },
  },
  Post: {
    tags: (post: { id: string }, _: unknown, ctx: Context) => loadTags(ctx, post.id),
    related: async (post: { id: string; tagIds: string[] }, _: unknown, ctx: Context) => {
      const tags = await loadTags(ctx, post.id);
      const related = await ctx.db.post.findMany({
        where: { tags: { some: { id: { in: tags.map((t: { id: string }) => t.id) } } } },
        take: 5,
      });
      return related.filter((p: { id: string }) => p.id !== post.id);
    },
  },
  Mutation: {
    likePost: async (_: unknown, { id }: { id: string }, ctx: Context) => {
      const post = await ctx.db.post.update({ where: { id }, data: { likes: { increment: 1 } } });
      publishEvent(ctx, 'POST_LIKED', { id, likes: post.likes }).then(() => ctx.log.debug('published')); // expect: no-floating-promises
      return post;
    },
    deletePost: async (_: unknown, { id }: { id: string }, ctx: Context) => {
      await ctx.db.post.delete({ where: { id } });
      publishEvent(ctx, 'POST_DELETED', { id }).then(
        () => ctx.log.debug('published'),
        (err) => ctx.log.warn({ err }, 'publish failed'),
      );
      return true;
    },
  },
};

export function createLoaders(ctx: Context) {
  return {
    post: new DataLoader(async (ids: readonly string[]) => {
      const rows = await ctx.db.post.findMany({ where: { id: { in: [...ids] } } });
      return ids.map((id) => rows.find((r: { id: string }) => r.id === id) ?? null);
    }),
  };
}
