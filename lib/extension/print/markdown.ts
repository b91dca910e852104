/**
 * The print page as Markdown (CommonMark with GitHub-style footnotes for
 * the endnotes), for "Copy as Markdown". Text from the page and the data is
 * escaped, so a bracket or an asterisk in a headline stays text.
 */
import type { Source } from '../../shared/annotations/types';
import { formatDate, formatDateSpan } from '../../shared/format-date';
import { t } from '../../shared/i18n';
import { safeHttpsUrl } from '../../shared/safe-url';
import type { TimelineItem } from '../timeline/build-timeline';
import { groupTimeline } from '../timeline/group-timeline';
import type { PrintModel } from './print-model';

export function escapeMarkdown(text: string): string {
  return text
    .replace(/[\\`*_[\]<>|~]/g, '\\$&')
    .replace(/^(\s*)([#>+-]|\d+[.)])/gm, (_, space: string, mark: string) => `${space}${mark.replace(/([#>+\-.)])$/, '\\$1')}`);
}

function link(source: Source): string {
  const label = escapeMarkdown(`${source.title} (${source.publisher}${source.date ? `, ${formatDate(source.date)}` : ''})`);
  const href = safeHttpsUrl(source.url);
  // Angle brackets keep any parenthesis in the address inside the link.
  return href ? `[${label}](<${href.replace(/[<>]/g, encodeURIComponent)}>)` : label;
}

function sourcingText(item: TimelineItem): string {
  const count = item.sourcing.independent === 1 ? t('sourceCountOne') : t('sourceCountMany', String(item.sourcing.independent));
  return item.sourcing.officialOnly ? `${count}; ${t('officialOnly')}` : count;
}

export function printMarkdown(model: PrintModel, timeline: readonly TimelineItem[], markDay: string | null): string {
  const out: string[] = [];
  out.push(`# ${escapeMarkdown(model.headline)}`, '');
  if (model.publisher || model.published) {
    out.push(`${escapeMarkdown(t('printByline', [model.publisher, model.published ? formatDate(model.published) : '']))}  `);
  }
  out.push(`${t('printAddress')} <${model.url}>`, '');
  if (model.keyPoints.length > 0) {
    out.push(`## ${t('printKeyPoints')}`, '');
    for (const point of model.keyPoints) out.push(`- ${escapeMarkdown(point.text)}${point.singleSource ? ` ${escapeMarkdown(t('singleSourceTag'))}` : ''}`);
    out.push('');
  }
  for (const paragraph of model.paragraphs) {
    const text = paragraph.parts.map((part) => ('ref' in part ? `[^${part.ref}]` : escapeMarkdown(part.text))).join('');
    out.push(paragraph.kind === 'heading' ? `## ${text}` : paragraph.kind === 'quote' ? `> ${text}` : paragraph.kind === 'caption' ? `*${text}*` : text, '');
  }
  const noteText = (note: PrintModel['unplaced'][number]) =>
    [
      `**${escapeMarkdown(note.title)}.** ${note.body.map(escapeMarkdown).join(' ')}`,
      note.singleSource ? `${escapeMarkdown(t('singleSourceLabel'))}: ${escapeMarkdown(note.singleSource.claim)} ${escapeMarkdown(t('otherAccounts'))} ${escapeMarkdown(note.singleSource.otherAccounts)}` : '',
      `${t('printSources')} ${note.sources.map(link).join('; ')}`,
    ]
      .filter(Boolean)
      .join(' ');
  if (model.endnotes.length > 0) {
    out.push(`## ${t('printNotes')}`, '');
    for (const { n, note } of model.endnotes) out.push(`[^${n}]: ${noteText(note)}`, '');
  }
  if (model.unplaced.length > 0) {
    out.push(`## ${t('printOrphans')}`, '', escapeMarkdown(t('printOrphansDetail')), '');
    for (const note of model.unplaced) out.push(`- ${noteText(note)}`);
    out.push('');
  }
  if (model.glossary.length > 0) {
    out.push(`## ${t('printGlossary')}`, '');
    for (const entry of model.glossary) out.push(`- **${escapeMarkdown(entry.name)}** (${t(`type_${entry.type}`)}): ${escapeMarkdown(entry.description)}`);
    out.push('');
  }
  if (timeline.length > 0) {
    out.push(`## ${t('printTimeline')}`, '');
    const grouped = groupTimeline(timeline, markDay);
    const years = (groups: typeof grouped.before, level: string) => {
      for (const group of groups) {
        out.push(`${level} ${group.year}`, '');
        for (const item of group.items) out.push(`- **${formatDateSpan(item.date, item.endDate)}**: ${escapeMarkdown(item.text)} (${sourcingText(item)})`);
        out.push('');
      }
    };
    years(grouped.before, '###');
    if (markDay) out.push(`**${escapeMarkdown(t('timelineMarkArticle', formatDate(markDay)))}**`, '');
    if (grouped.after.length > 0) {
      out.push(`### ${t('timelineSinceArticle')}`, '');
      years(grouped.after, '####');
    }
  }
  out.push(`---`, '', escapeMarkdown(t('printGenerated', model.asOf ? formatDate(model.asOf) : '')), '');
  return out.join('\n');
}
