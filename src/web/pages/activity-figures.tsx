// An activity's figures, as the agreement page and the activities page
// show them: who took part by group (counts), what it cost by category, and
// who paid.
import type { FundingSource } from '../../db/schema.ts';
import { COST_CATEGORY_NAMES, COST_FIELDS, COUNT_FIELDS, FUNDING_NAMES, PARTICIPANT_GROUP_NAMES } from '../records/activity-form.tsx';
import { formatNumber } from '../format.ts';
import type { Lang } from '../i18n.ts';

type Figures = { costSek: number | null; funding: FundingSource[] } & Record<(typeof COST_FIELDS)[number] | (typeof COUNT_FIELDS)[number], number | null>;

export function ActivityFigures(props: { lang: Lang; activity: Figures; as?: 'p' | 'div' }) {
  const { lang, activity } = props;
  const sv = lang === 'sv';
  const Line = props.as ?? 'p';
  const groups = COUNT_FIELDS.filter((f) => activity[f] !== null).map((f) => `${PARTICIPANT_GROUP_NAMES[f][lang]} ${formatNumber(activity[f]!, lang)}`);
  const categories = COST_FIELDS.filter((f) => activity[f] !== null).map((f) => `${COST_CATEGORY_NAMES[f][lang].toLowerCase()} ${formatNumber(activity[f]!, lang)}`);
  return (
    <>
      {groups.length ? <Line>{`${sv ? 'Deltagare' : 'Participants'}: ${groups.join(', ')}`}</Line> : null}
      {activity.costSek !== null ? <Line>{`${sv ? 'Kostnad' : 'Cost'}: ${formatNumber(activity.costSek, lang)} kr${categories.length ? ` (${categories.join(', ')})` : ''}`}</Line> : null}
      {activity.funding.length ? <Line>{`${sv ? 'Finansiering' : 'Funding'}: ${activity.funding.map((f) => FUNDING_NAMES[f][lang]).join(', ')}`}</Line> : null}
    </>
  );
}
