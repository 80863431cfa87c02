/** search: full-text search over the case. */
import { num, type Command } from '../command';
import { searchText } from '../format';

export const searchCommand: Command = {
  name: 'search',
  usage: 'search QUERY [--limit N]',
  summary: 'Full-text search: words, "phrases", -exclusions, prefix*, OR, and filters (status:, tag:, grade:A-B, p:>0.8, …).',
  options: { limit: { type: 'string' } },
  minArgs: 1,
  async run(ctx) {
    const r = await ctx.withCase((api) => api.invoke('search.query', { q: ctx.args.join(' '), limit: num(ctx.values, 'limit') ?? 50 }));
    ctx.print(r, () => searchText(r));
  },
};
