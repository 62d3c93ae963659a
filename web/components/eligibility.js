// The eligibility panel of a project page: pick a call for projects (the
// rules are data, GET /api/v1/calls), see each rule checked on the
// project's planned funding lines, the maximum grant and the outcome
// (GET /api/v1/eligibility, docs/finance.md).

import { getJson, getJsonCached } from '../api.js';
import { h, section } from '../dom.js';
import { lang, formatEuros } from '../i18n.js';

const TEXT = {
  fr: {
    title: 'Éligibilité aux appels à projets',
    call: 'Appel à projets',
    intro: 'Règles vérifiées sur les financements prévus du projet. Les prérequis (APD déclarée, comptes rendus déposés) ne sont pas dans les données : à confirmer.',
    rule: 'Règle', result: 'Résultat', figures: 'Chiffres utilisés',
    maxGrant: 'Subvention maximale',
    french_share_min: 'Part minimale des collectivités françaises',
    in_kind_max: 'Valorisation au plus la moitié de leur apport',
    state_rate_max: 'Taux maximal de cofinancement de l’État',
    apd_declared: 'APD de l’année précédente déclarée',
    reports_filed: 'Comptes rendus des projets antérieurs déposés',
    passed: 'respectée', failed: 'non respectée', unknown: 'à confirmer',
    eligible: 'Éligible', not_eligible: 'Non éligible', to_confirm: 'Éligible sous réserve des prérequis',
    none: 'Aucun appel à projets connu.', error: 'Vérification impossible :',
    amount: 'montant', min: 'minimum', max: 'maximum', notRecorded: 'non renseigné dans les données',
  },
  en: {
    title: 'Eligibility to calls for projects',
    call: 'Call for projects',
    intro: 'Rules checked on the project’s planned funding lines. The prerequisites (APD declared, reports filed) are not in the data: to be confirmed.',
    rule: 'Rule', result: 'Result', figures: 'Figures used',
    maxGrant: 'Maximum grant',
    french_share_min: 'Minimum share of the French authorities',
    in_kind_max: 'In kind at most half of their contribution',
    state_rate_max: 'Maximum State co-funding rate',
    apd_declared: 'APD of the previous year declared',
    reports_filed: 'Reports of earlier projects filed',
    passed: 'met', failed: 'not met', unknown: 'to confirm',
    eligible: 'Eligible', not_eligible: 'Not eligible', to_confirm: 'Eligible subject to the prerequisites',
    none: 'No call for projects known.', error: 'Could not check:',
    amount: 'amount', min: 'minimum', max: 'maximum', notRecorded: 'not recorded in the data',
  },
};

function tx(key) {
  return (TEXT[lang()] ?? TEXT.fr)[key] ?? key;
}

// The figures of a rule in the page's language, from the structured fields
// (the API's `detail` is English text).
function figures(r) {
  if (r.value_cents == null || r.limit_cents == null) return tx('notRecorded');
  const bound = r.rule === 'french_share_min' ? tx('min') : tx('max');
  return `${tx('amount')} ${formatEuros(r.value_cents)} ; ${bound} ${formatEuros(r.limit_cents)} (${r.limit_percent} %)`;
}

/** The panel for the project with reference `ref`. */
export function eligibilitySection(ref) {
  const result = h('div', { class: 'eligibility-result', 'aria-live': 'polite' });
  const select = h('select', { id: 'eligibility-call' });
  const panel = section(tx('title'), h('p', { class: 'muted' }, tx('intro')),
    h('label', { for: 'eligibility-call' }, `${tx('call')} `), select, result);
  panel.classList.add('eligibility');
  const show = async () => {
    result.replaceChildren();
    try {
      const e = await getJson('eligibility', { project: ref, call: select.value });
      const rows = e.rules.map((r) => h('tr', { class: `rule-${r.outcome}` },
        h('td', {}, tx(r.rule)), h('td', {}, tx(r.outcome)), h('td', { title: r.detail }, figures(r))));
      result.append(
        h('p', { class: `eligibility-outcome outcome-${e.outcome}` }, h('strong', {}, tx(e.outcome))),
        h('div', { class: 'table-scroll' }, h('table', {},
          h('thead', {}, h('tr', {}, h('th', {}, tx('rule')), h('th', {}, tx('result')), h('th', {}, tx('figures')))),
          h('tbody', {}, rows))),
        h('p', {}, `${tx('maxGrant')} : `, h('strong', { class: 'max-grant', dataset: { cents: e.max_grant_cents } },
          formatEuros(e.max_grant_cents)), ` (${e.max_rate_percent} %)`));
    } catch (err) {
      result.append(h('p', { class: 'muted' }, `${tx('error')} ${err.message}`));
    }
  };
  getJsonCached('calls').then((calls) => {
    if (!calls.length) {
      result.append(h('p', { class: 'muted' }, tx('none')));
      return;
    }
    // The newest edition first.
    for (const c of [...calls].reverse()) select.append(h('option', { value: c.id }, c.name));
    select.addEventListener('change', show);
    show();
  }).catch((err) => result.append(h('p', { class: 'muted' }, `${tx('error')} ${err.message}`)));
  return panel;
}
