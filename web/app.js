// The status page: what reference data is loaded, and a resolver form.
const nf = new Intl.NumberFormat('fr-FR');

async function loadStatus() {
  const status = document.getElementById('loaded-status');
  try {
    const res = await fetch('/api/v1/status');
    if (!res.ok) throw new Error((await res.json()).detail);
    const body = await res.json();
    const tbody = document.querySelector('#sources tbody');
    for (const s of body.sources) {
      const tr = document.createElement('tr');
      const counts = Object.entries(s.counts)
        .map(([k, v]) => `${k.replaceAll('_', ' ')} : ${nf.format(v)}`).join(', ');
      for (const text of [s.name, s.version, s.licence, counts]) {
        const td = document.createElement('td');
        td.textContent = text;
        tr.append(td);
      }
      tbody.append(tr);
    }
    document.getElementById('sources').hidden = false;
    const r = body.records || {};
    let text = `${body.sources.length} sources de référence chargées (schéma ${body.schema_version}). ` +
      `Enregistrements : ${nf.format(r.partnerships || 0)} partenariats, ${nf.format(r.projects || 0)} projets, ` +
      `${nf.format(r.funding_lines || 0)} lignes de financement, ${nf.format(r.authorities || 0)} collectivités.`;
    if (r.demo_records > 0) {
      text += ` Attention : la base contient des données de démonstration (${nf.format(r.demo_records)} enregistrements), signalées comme telles.`;
    }
    status.textContent = text;
  } catch (e) {
    status.textContent = `Impossible de lire l'état de la base : ${e.message}`;
  }
}

async function resolve(event) {
  event.preventDefault();
  const name = document.getElementById('resolve-name').value;
  const out = document.getElementById('resolve-result');
  const res = await fetch('/api/v1/resolve?name=' + encodeURIComponent(name));
  const body = await res.json();
  out.replaceChildren();
  if (!res.ok) { out.textContent = body.detail; return; }
  const labels = { unique: 'Réponse unique', ambiguous: 'Plusieurs réponses possibles', not_found: 'Aucune réponse' };
  const p = document.createElement('p');
  p.textContent = labels[body.status];
  out.append(p);
  const ul = document.createElement('ul');
  for (const c of body.candidates) {
    const li = document.createElement('li');
    li.textContent = `${c.name} (${c.kind}, ${c.code}${c.departement ? ', dép. ' + c.departement : ''}) `;
    const why = document.createElement('span');
    why.className = 'why';
    why.textContent = c.why;
    li.append(why);
    ul.append(li);
  }
  out.append(ul);
}

loadStatus();
document.getElementById('resolve-form').addEventListener('submit', resolve);
