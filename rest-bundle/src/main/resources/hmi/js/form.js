// A small form builder for JSON Schema objects: number, integer, boolean, string and enum
// properties (required ones marked); a property of no type takes any JSON text.

import { h } from './dom.js';

/**
 * @param {object} schema an object schema ({properties, required})
 * @param {object} values initial values
 * @param {string} prefix data-testid prefix of the fields
 * @returns {{element: HTMLElement, read: () => {value: object, errors: string[]}}}
 */
export function schemaForm(schema, values = {}, prefix = 'field') {
  const properties = (schema && schema.properties) || {};
  const required = new Set((schema && schema.required) || []);
  const fields = [];
  const element = h('div.schema-form');
  for (const [name, prop] of Object.entries(properties)) {
    const kind = Array.isArray(prop.enum) ? 'enum' : (Array.isArray(prop.type) ? prop.type[0] : prop.type) || 'json';
    const id = `${prefix}-${name}`;
    const value = values[name];
    let input;
    if (kind === 'boolean') {
      input = h('select', { testid: id, name },
        h('option', { value: '' }, '—'), h('option', { value: 'true' }, 'true'), h('option', { value: 'false' }, 'false'));
      input.value = value === true ? 'true' : value === false ? 'false' : '';
    } else if (kind === 'enum') {
      input = h('select', { testid: id, name }, h('option', { value: '' }, '—'),
        prop.enum.map((option) => h('option', { value: JSON.stringify(option) }, String(option))));
      input.value = value === undefined ? '' : JSON.stringify(value);
    } else {
      const numeric = kind === 'number' || kind === 'integer';
      input = h('input', {
        testid: id, name, type: numeric ? 'number' : 'text', step: kind === 'integer' ? '1' : 'any',
        min: prop.minimum, max: prop.maximum,
        placeholder: kind === 'json' ? 'JSON, e.g. 42 or "text"' : prop.default !== undefined ? String(prop.default) : '',
      });
      input.value = value === undefined ? '' : kind === 'json' ? JSON.stringify(value) : String(value);
    }
    const label = h('label', { title: prop.description || '' },
      h('span.name', {}, name, required.has(name) ? h('span.req', { title: 'required' }, ' *') : null),
      h('span.type', {}, kind), input);
    element.append(label);
    fields.push({ name, kind, prop, input });
  }
  if (!fields.length) element.append(h('p.muted', {}, 'No parameters.'));

  function read() {
    const value = {};
    const errors = [];
    for (const { name, kind, prop, input } of fields) {
      const raw = input.value.trim();
      if (raw === '') {
        if (required.has(name)) errors.push(`${name} is required`);
        continue;
      }
      try {
        if (kind === 'number' || kind === 'integer') {
          const n = Number(raw);
          if (!Number.isFinite(n) || (kind === 'integer' && !Number.isInteger(n))) throw new Error(`${name} must be ${kind === 'integer' ? 'an integer' : 'a number'}`);
          if (prop.minimum !== undefined && n < prop.minimum) throw new Error(`${name} must be at least ${prop.minimum}`);
          if (prop.maximum !== undefined && n > prop.maximum) throw new Error(`${name} must be at most ${prop.maximum}`);
          value[name] = n;
        } else if (kind === 'boolean') {
          value[name] = raw === 'true';
        } else if (kind === 'enum' || kind === 'json') {
          try { value[name] = JSON.parse(raw); } catch { if (kind === 'json') value[name] = raw; else throw new Error(`${name}: bad choice`); }
        } else {
          value[name] = raw;
        }
      } catch (e) {
        errors.push(e.message);
      }
    }
    return { value, errors };
  }
  return { element, read };
}
