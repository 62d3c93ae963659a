// The scenarios, in the order they run. Each is {name, viewport?, run(ctx)}
// with ctx = {page, base, shot(name), source}; a scenario fails on a thrown
// error, a console error, or a request to another host.

import home from './home.mjs';
import search from './search.mjs';
import authority from './authority.mjs';
import language from './language.mjs';
import country from './country.mjs';
import records from './records.mjs';
import access from './access.mjs';
import sdg from './sdg.mjs';
import report from './report.mjs';
import eligibility from './eligibility.mjs';
import dashboard from './dashboard.mjs';

export const scenarios = [...home, ...search, ...authority, ...language, ...country, ...records, ...access, ...sdg, ...report, ...eligibility, ...dashboard];
