// `ortsband stats`: the statistics page's numbers on the command line.
import type { Command } from 'commander';
import { InvalidArgumentError } from 'commander';
import { RULE_IDS, type RuleId } from '../../domain/statistics/rules.ts';
import { targetOf, withDatabase } from '../database.ts';
import { systemContext } from '../prepare.ts';

function ruleOption(value: string): RuleId {
  if (!(RULE_IDS as readonly string[]).includes(value)) throw new InvalidArgumentError(`must be one of ${RULE_IDS.join(', ')}`);
  return value as RuleId;
}

export function registerStats(program: Command) {
  program
    .command('stats')
    .description('print the statistics: cooperations in force per year and the report\'s statements beside the register\'s numbers')
    .option('--rule <rule>', `counting rule: ${RULE_IDS.join(', ')}`, ruleOption, 'report' as RuleId)
    .option('--json', 'print everything the statistics API returns, as JSON')
    .action(async (options: { rule: RuleId; json?: boolean }) => {
      const [{ statisticsOverview }, { todayInStockholm }] = await Promise.all([import('../../domain/statistics/overview.ts'), import('../../web/format.ts')]);
      await withDatabase(targetOf(program.opts().database), async (database) => {
        const today = todayInStockholm();
        const s = await statisticsOverview(systemContext(database, 'stats'), options.rule, Number(today.slice(0, 4)), today);
        if (options.json) {
          console.log(JSON.stringify(s, null, 2));
          return;
        }
        console.log(`Regel / rule: ${s.rule.nameSv} (${s.rule.id})\n`);
        console.log(['år/year', ...s.kinds, 'totalt/total'].join('\t'));
        for (const y of s.inForce) console.log([y.year, ...s.kinds.map((k) => y.byKind[k] ?? 0), y.total].join('\t'));
        console.log('\nRapportens påståenden / the report\'s statements (rapporten / registret):');
        for (const r of s.statements) {
          console.log(`${r.matches ? '=' : '≠'} ${r.statement.reported} / ${r.computed}\t${r.statement.quoteSv} (${r.statement.passage})`);
        }
      });
    });
}
