/**
 * The matcher over an entity set's surface forms: every form compiled once
 * (by the build, for the bundled set), and on each page only the forms that
 * apply there reported, those of entity types the reader shows and valid on
 * the page's date (active-forms.ts).
 */
import type { Entity, SurfaceForm } from '../annotations/types';
import { normalizeText } from '../text/normalize';
import { formApplies } from './active-forms';
import { compileForms, SurfaceFormMatcher, type CompiledForms } from './surface-form-matcher';

export interface FormRef {
  entity: Entity;
  form: SurfaceForm;
}

/**
 * Every surface form of an entity list, compiled for the matcher (the build
 * ships the bundled set's in annotation-data.js). Form id i is
 * `entities[entity[i]].surfaceForms[form[i]]`.
 */
export interface EntityFormIndex {
  forms: CompiledForms;
  entity: number[];
  form: number[];
}

export function compileEntityForms(entities: readonly Entity[]): EntityFormIndex {
  const patterns: { text: string; ignoreCase: boolean }[] = [];
  const entity: number[] = [];
  const form: number[] = [];
  entities.forEach(({ surfaceForms }, e) =>
    surfaceForms.forEach(({ text, ignoreCase }, f) => {
      patterns.push({ text: normalizeText(text).trim(), ignoreCase: ignoreCase === true });
      entity.push(e);
      form.push(f);
    }),
  );
  return { forms: compileForms(patterns), entity, form };
}

/**
 * A matcher for the forms of `entities` (compiled as `index`) that apply on
 * a page published on `pageDate`, for the entities `include` accepts.
 */
export function entityMatcher(
  entities: readonly Entity[],
  index: EntityFormIndex,
  pageDate: string | null,
  include: (entity: Entity) => boolean = () => true,
): SurfaceFormMatcher<FormRef> {
  // Decided once per form, on its first match: most forms never occur on a page.
  const refs: (FormRef | null | undefined)[] = [];
  return new SurfaceFormMatcher(index.forms, (id) => {
    let ref = refs[id];
    if (ref === undefined) {
      const entity = entities[index.entity[id]];
      const form = entity.surfaceForms[index.form[id]];
      ref = refs[id] = include(entity) && formApplies(form, pageDate) ? { entity, form } : null;
    }
    return ref ?? undefined;
  });
}
