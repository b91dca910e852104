import { ENTITY_TYPES, type EntityType } from '../lib/shared/annotations/types';
import { t } from '../lib/shared/i18n';
import type { Settings, SettingsPatch } from '../lib/shared/settings';
import ChoiceGroup from './ChoiceGroup';

export interface SettingsPanelProps {
  settings: Settings;
  /** null where there is no page Backstory can annotate. */
  pageOn: boolean | null;
  onChange: (patch: SettingsPatch) => void;
  onPageToggle: (on: boolean) => void;
}

/** The reader's controls. Every change is saved and applied to the page at once. */
export default function SettingsPanel({ settings, pageOn, onChange, onPageToggle }: SettingsPanelProps) {
  // From the stored settings, not these props: quick clicks must not undo each other.
  const toggleType = (type: EntityType, on: boolean) =>
    onChange((current) => ({
      entityTypes: on ? [...current.entityTypes, type] : current.entityTypes.filter((x) => x !== type),
    }));
  return (
    <section class="settings" aria-labelledby="settings-title">
      <h2 id="settings-title" class="section-title">{t('popupControls')}</h2>
      {pageOn !== null && (
        <label class="switch">
          <input type="checkbox" role="switch" checked={pageOn} onChange={(e) => onPageToggle(e.currentTarget.checked)} />
          {t('settingPage')}
        </label>
      )}
      <label class="switch">
        <input
          type="checkbox"
          role="switch"
          checked={settings.siteEnabled}
          onChange={(e) => onChange({ siteEnabled: e.currentTarget.checked })}
        />
        {t('settingSite')}
      </label>
      <ChoiceGroup
        legend={t('settingMentions')}
        name="mentions"
        value={settings.mentionMode}
        options={[
          { value: 'all', label: t('settingMentionsAll') },
          { value: 'first', label: t('settingMentionsFirst') },
        ]}
        onChange={(mentionMode) => onChange({ mentionMode })}
      />
      <ChoiceGroup
        legend={t('settingStyle')}
        name="style"
        value={settings.highlightStyle}
        options={[
          { value: 'underline', label: t('settingStyleUnderline') },
          { value: 'background', label: t('settingStyleBackground') },
        ]}
        onChange={(highlightStyle) => onChange({ highlightStyle })}
      />
      <fieldset>
        <legend>{t('settingTypes')}</legend>
        <div class="types">
          {ENTITY_TYPES.map((type) => (
            <label key={type}>
              <input type="checkbox" checked={settings.entityTypes.includes(type)} onChange={(e) => toggleType(type, e.currentTarget.checked)} />
              {t(`typePlural_${type}`)}
            </label>
          ))}
        </div>
      </fieldset>
    </section>
  );
}
