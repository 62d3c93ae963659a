// Any path that is no page of the atlas.

import { h, pageHeading } from '../dom.js';
import { t } from '../i18n.js';

export async function render({ view }) {
  view.append(pageHeading(t('notfound.title')),
    h('p', {}, t('notfound.text')),
    h('p', {}, h('a', { href: '/' }, t('notfound.home'))));
}
