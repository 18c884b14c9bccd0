import { html, type TemplateResult } from 'lit';
import { textField } from '@muni-widgets/core';
import type { StepContext } from './context.js';
import { stepFrame } from './step-frame.js';
import { detailFieldId } from '../details-validation.js';

/** Contact fields and the chosen services' own fields; every value lives in the element, so nothing typed is lost. */
export function renderDetailsStep(p: StepContext): TemplateResult {
  const t = p.t;
  const optionalText = p.coreT('optional');
  const err = (id: string) => (p.fieldErrors[id] ? { error: p.fieldErrors[id]! } : {});
  const setContact = (key: 'name' | 'email' | 'phone') => (value: string) => p.setContact(key, value);
  const body = html`
    ${textField({ id: 'name', label: t('name'), value: p.contact.name, onInput: setContact('name'), required: true, autocomplete: 'name', ...err('name') })}
    ${textField({ id: 'email', label: t('email'), value: p.contact.email, onInput: setContact('email'), required: true, type: 'email', autocomplete: 'email', inputmode: 'email', hint: t('emailHint'), ...err('email') })}
    ${textField({ id: 'phone', label: t('phone'), value: p.contact.phone, onInput: setContact('phone'), type: 'tel', autocomplete: 'tel', inputmode: 'tel', hint: t('phoneHint'), required: p.phoneRequired, optionalText, ...err('phone') })}
    ${p.detailFields.map((field) =>
      textField({
        id: detailFieldId(field.id),
        label: field.label,
        value: p.fields[field.id] ?? '',
        onInput: (value) => p.setField(field.id, value),
        required: field.required,
        optionalText,
        multiline: field.type === 'textarea',
        type: field.type === 'textarea' ? 'text' : field.type,
        ...(field.hint ? { hint: field.hint } : {}),
        ...(field.autocomplete ? { autocomplete: field.autocomplete } : {}),
        ...err(detailFieldId(field.id)),
      }),
    )}
  `;
  return stepFrame(p, { title: t('detailsStep'), body, next: { label: t('next'), action: () => p.act('submitDetails') }, back: () => p.act('goTo', 'slot') });
}
