// SDG suggestions on a project page (docs/sdg.md): the goals and targets the
// tagger suggests, each with its score and evidence (the words of the text
// and the target they point to), and accept / reject buttons that call the
// API (POST /api/v1/projects/{id}/sdg/{code}/accept|reject, audited).

import { getJson, apiUrl } from '../api.js';
import { h, section } from '../dom.js';
import { lang } from '../i18n.js';
import { label } from '../labels.js';

const TEXT = {
  fr: {
    title: 'Suggestions d’ODD',
    intro: 'Objectifs et cibles suggérés à partir de la description du projet, avec les mots qui les justifient. Une personne les accepte ou les rejette.',
    none: 'Aucune suggestion : la description ne contient pas assez d’indices.',
    score: 'score',
    target: 'cible',
    evidence: 'Indices',
    accept: 'Accepter',
    reject: 'Rejeter',
    accepted: 'acceptée',
    rejected: 'rejetée',
    suggested: 'à examiner',
    failed: 'Échec : ',
  },
  en: {
    title: 'SDG suggestions',
    intro: 'Goals and targets suggested from the project’s description, with the words that support them. A person accepts or rejects them.',
    none: 'No suggestion: the description has too few clues.',
    score: 'score',
    target: 'target',
    evidence: 'Evidence',
    accept: 'Accept',
    reject: 'Reject',
    accepted: 'accepted',
    rejected: 'rejected',
    suggested: 'to review',
    failed: 'Failed: ',
  },
};

function tr(key) { return (TEXT[lang()] ?? TEXT.fr)[key]; }

async function post(path) {
  const res = await fetch(apiUrl(path), {
    method: 'POST',
    headers: { Accept: 'application/json' },
    body: '',
  });
  let body = null;
  try { body = await res.json(); } catch { /* not JSON */ }
  if (!res.ok) throw new Error(body?.detail || res.statusText);
  return body;
}

function evidenceList(evidence) {
  return h('ul', { class: 'sdg-evidence' }, (evidence ?? []).map((e) => h('li', {},
    h('q', {}, e.words), ` → ${tr('target')} ${e.target}`,
    e.count > 1 ? ` (×${e.count})` : null)));
}

// One suggested code (goal or target) with its status and buttons.
function item(projectId, code, score, evidence, status) {
  const goal = code.split('.')[0];
  const state = h('span', { class: 'sdg-status muted', dataset: { status } }, ` (${tr(status)})`);
  const error = h('span', { class: 'error', role: 'alert' });
  const decide = (verb) => async (event) => {
    const buttons = event.target.parentElement.querySelectorAll('button');
    buttons.forEach((b) => { b.disabled = true; });
    error.textContent = '';
    try {
      const row = await post(`projects/${encodeURIComponent(projectId)}/sdg/${encodeURIComponent(code)}/${verb}`);
      state.dataset.status = row.status;
      state.textContent = ` (${tr(row.status)})`;
    } catch (e) {
      error.textContent = tr('failed') + e.message;
    } finally {
      buttons.forEach((b) => { b.disabled = false; });
    }
  };
  const heading = code.includes('.') ? `${tr('target')} ${code}` : `ODD ${code} ${label('sdg', goal)}`;
  return h('li', { class: 'sdg-suggestion', dataset: { code } },
    h('strong', {}, heading), ` — ${tr('score')} ${score}`, state,
    h('div', { class: 'sdg-actions' },
      h('button', { type: 'button', class: 'sdg-accept', onclick: decide('accept') }, tr('accept')),
      ' ',
      h('button', { type: 'button', class: 'sdg-reject', onclick: decide('reject') }, tr('reject')),
      ' ', error),
    h('div', { class: 'muted' }, tr('evidence'), evidenceList(evidence)));
}

/** The section, filled once the API answers (empty if the route is missing). */
export function sdgReviewSection(projectId) {
  const list = h('ul', { class: 'sdg-suggestions' });
  const out = section(tr('title'), h('p', { class: 'muted' }, tr('intro')), list);
  out.classList.add('sdg-review');
  getJson(`projects/${encodeURIComponent(projectId)}/sdg`).then((body) => {
    // Stored suggestions keep their status; the tagger's current ones that
    // are not stored yet are shown as to review.
    const stored = new Map((body.stored ?? []).map((s) => [s.code, s]));
    const seen = new Set();
    const add = (code, score, evidence) => {
      seen.add(code);
      const row = stored.get(code);
      if (row && row.origin === 'person') return; // a person's choice
      list.append(item(projectId, code, row?.score ?? score, row?.evidence?.length ? row.evidence : evidence,
        row?.status ?? 'suggested'));
    };
    for (const g of body.suggestions?.goals ?? []) {
      add(String(g.goal), g.score, g.evidence);
      for (const t of body.suggestions.targets ?? []) {
        if (t.goal === g.goal) add(t.target, t.score, t.evidence);
      }
    }
    for (const [code, row] of stored) {
      if (!seen.has(code) && row.origin === 'suggestion') add(code, row.score, row.evidence);
    }
    if (!list.children.length) list.replaceWith(h('p', { class: 'muted sdg-none' }, tr('none')));
  }).catch(() => { out.remove(); });
  return out;
}
