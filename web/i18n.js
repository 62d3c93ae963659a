// Interface strings (French first, English by a switch) and locale-aware
// formatting. Every string the interface shows comes from DICT; data labels
// come from the API (label / label_en).

const STORAGE_KEY = 'coopatlas.lang';
export const LANGS = ['fr', 'en'];

const DICT = {
  fr: {
    'site.tagline': "L'atlas ouvert de la coopération décentralisée française",
    'skip': 'Aller au contenu',
    'nav.label': 'Navigation principale',
    'nav.home': 'Accueil',
    'nav.search': 'Recherche',
    'lang.button': 'English',
    'lang.buttonLabel': 'Switch to English',
    'footer.text': 'coopatlas, logiciel libre (Apache-2.0). Données : INSEE/COG, IGN, GeoNames, Natural Earth, Wikipédia (CC BY-SA), données de démonstration signalées.',
    'footer.api': "API et documentation",

    'search.label': 'Rechercher une collectivité, un pays, un partenariat, un projet',
    'search.placeholder': 'ex. Rennes, Sénégal, eau potable',
    'search.submit': 'Rechercher',
    'suggest.hint': 'Suggestions disponibles : flèches haut et bas pour parcourir, Entrée pour ouvrir.',
    'suggest.count': { one: '{n} suggestion', other: '{n} suggestions' },
    'suggest.none': 'Aucune suggestion',

    'type.authority': 'Collectivité',
    'type.foreign_authority': 'Collectivité étrangère',
    'type.country': 'Pays',
    'type.partnership': 'Partenariat',
    'type.project': 'Projet',

    'demo.badge': 'Données de démonstration',
    'demo.notice': 'Cette base contient des données de démonstration ({n} enregistrements). Elles sont signalées par le badge « Données de démonstration ».',
    'loading': 'Chargement…',
    'error.title': 'Erreur',
    'error.load': 'Impossible de charger les données : {detail}',
    'error.unavailable': "Ce service n'est pas encore disponible sur ce serveur ({path}).",
    'error.noRecord': "Cette fiche n'existe pas ({detail}).",
    'notfound.title': 'Page introuvable',
    'notfound.text': "Cette adresse ne correspond à aucune page de l'atlas.",
    'notfound.home': "Retour à l'accueil",

    'home.title': 'Atlas de la coopération décentralisée',
    'home.intro': 'Les partenariats entre les collectivités territoriales françaises (communes, intercommunalités, départements, régions) et les collectivités étrangères, leurs projets et leurs financements.',
    'home.figures': 'Chiffres clés',
    'fig.partnerships': 'partenariats',
    'fig.french_authorities': 'collectivités françaises engagées',
    'fig.foreign_authorities': 'collectivités partenaires à l’étranger',
    'fig.countries': 'pays',
    'fig.projects': 'projets',
    'fig.funding_planned_cents': 'de financements prévus',
    'home.themes': 'Thèmes des projets',
    'home.kinds': 'Types de partenariat',

    'map.world.title': 'Partenariats par pays',
    'map.world.desc': 'Carte du monde : chaque pays est coloré selon le nombre de partenariats avec des collectivités françaises. Cliquez sur un pays pour ouvrir sa page.',
    'map.france.title': 'Collectivités engagées par département',
    'map.france.desc': 'Carte de la France : chaque département est coloré selon le nombre de collectivités engagées dans un partenariat. Les cinq départements d’outre-mer sont en encarts. Cliquez sur un département pour en rechercher les partenariats.',
    'map.legend': 'Légende',
    'map.nodata': 'Aucune donnée',
    'map.loading': 'Chargement de la carte…',
    'map.error': "La carte n'a pas pu être affichée ({detail}). Les données restent lisibles dans le tableau.",
    'map.table': 'Voir les données en tableau',
    'map.offmap': 'hors carte',
    'map.paris': 'Paris et petite couronne',
    'map.shape.country': { one: '{name} : {n} partenariat', other: '{name} : {n} partenariats' },
    'map.shape.departement': { one: '{name} ({code}) : {n} collectivité engagée', other: '{name} ({code}) : {n} collectivités engagées' },
    'map.shape.search': { one: '{name} : {n} résultat', other: '{name} : {n} résultats' },
    'map.links.title': 'Carte des partenariats',
    'map.links.desc': 'Lignes tracées depuis {from} vers les collectivités partenaires dont la position est connue ({n} sur {total}).',
    'map.links.descPending': 'Lignes tracées depuis {from} vers les collectivités partenaires dont la position est connue.',
    'map.links.descPendingCountry': 'Carte : {name} et les collectivités françaises qui y ont des partenaires.',
    'map.links.descCountry': 'Carte : {name} et les collectivités françaises qui y ont des partenaires ({n} liaisons dont les deux extrémités sont situées).',
    'table.country': 'Pays',
    'table.partnerships': 'Partenariats',
    'table.departement': 'Département',
    'table.code': 'Code',
    'table.authorities': 'Collectivités engagées',
    'table.results': 'Résultats',

    'results.title': 'Résultats de recherche',
    'results.for': 'Recherche : « {q} »',
    'results.filter': '{facet} : {value}',
    'results.count': { one: '{n} résultat', other: '{n} résultats' },
    'results.none': 'Aucun résultat. Essayez moins de mots ou retirez un filtre.',
    'results.sort': 'Trier par :',
    'sort.relevance': 'pertinence',
    'sort.date': 'date',
    'results.filters': 'Affiner',
    'results.active': 'Filtres actifs',
    'results.clear': 'Retirer tous les filtres',
    'results.remove': 'Retirer le filtre {label}',
    'results.selected': '(filtre actif)',
    'results.map': 'Résultats par pays',
    'results.mapDesc': 'Carte du monde : chaque pays est coloré selon le nombre de résultats. Cliquez sur un pays pour filtrer.',
    'results.more': 'Afficher plus ({n})',
    'results.less': 'Afficher moins',
    'pager.label': 'Pagination',
    'pager.prev': 'Page précédente',
    'pager.next': 'Page suivante',
    'pager.page': 'Page {n}',
    'pager.of': 'Page {page} sur {pages}',

    'facet.type': 'Type de fiche',
    'facet.country': 'Pays',
    'facet.world_region': 'Région du monde',
    'facet.fr_region': 'Région française',
    'facet.departement': 'Département',
    'facet.authority_kind': 'Type de collectivité',
    'facet.partnership_kind': 'Type de partenariat',
    'facet.theme': 'Thème',
    'facet.sdg': 'Objectif de développement durable',
    'facet.year': 'Année',

    'auth.identity': 'Identité',
    'auth.kind': 'Type',
    'auth.code': 'Code officiel',
    'auth.departement': 'Département',
    'auth.region': 'Région',
    'auth.population': 'Population',
    'auth.epci': 'Intercommunalité',
    'auth.country': 'Pays',
    'auth.admin1': 'Région administrative',
    'auth.partnerships': 'Partenariats ({n})',
    'auth.projects': 'Projets ({n})',
    'auth.peers': 'Collectivités comparables',
    'auth.peersIntro': 'Collectivités françaises qui coopèrent avec les mêmes pays ou sur les mêmes thèmes.',
    'auth.noPartnerships': 'Aucun partenariat enregistré.',
    'auth.noProjects': 'Aucun projet enregistré.',
    'list.firstOf': 'Les {shown} premiers sur {total}.',
    'list.allInSearch': 'Tous dans la recherche',
    'auth.noPeers': 'Aucune collectivité comparable trouvée.',
    'auth.map': 'Carte des partenariats',

    'country.partners': 'Collectivités partenaires ({n})',
    'country.french': 'Collectivités françaises actives ({n})',
    'country.themes': 'Thèmes',
    'country.projects': 'Projets ({n})',
    'country.partnerships': 'Partenariats ({n})',
    'count.partnerships': { one: '{n} partenariat', other: '{n} partenariats' },
    'count.projects': { one: '{n} projet', other: '{n} projets' },
    'count.planned': '{amount} prévus',
    'country.none': 'Aucune collectivité enregistrée.',
    'country.region': 'Région du monde',
    'country.summary': 'En bref',

    'part.title': 'Partenariat',
    'part.kind': 'Type',
    'part.status': 'Statut',
    'part.signed': 'Signé le',
    'part.started': 'Début',
    'part.ended': 'Fin',
    'part.object': 'Objet',
    'part.council': 'Délibération',
    'part.commitments': 'Engagements prévus',
    'part.french': 'Collectivités françaises',
    'part.partners': 'Collectivités partenaires',
    'part.projects': 'Projets ({n})',
    'part.source': 'Source',
    'part.between': '{a} – {b}',

    'proj.title': 'Projet',
    'proj.ref': 'Référence',
    'proj.status': 'Statut',
    'proj.period': 'Période',
    'proj.description': 'Description',
    'proj.beneficiaries': 'Bénéficiaires',
    'proj.themes': 'Thèmes',
    'proj.sdgs': 'Objectifs de développement durable',
    'proj.participants': 'Participants',
    'proj.locations': 'Lieux',
    'proj.funding': 'Financements',
    'proj.partnership': 'Partenariat',
    'proj.dac': 'Codes CAD',
    'proj.map': 'Carte du projet',
    'proj.mapDesc': 'Lignes tracées depuis {from} vers les lieux du projet dont la position est connue ({n} sur {total}).',
    'fund.funder': 'Financeur',
    'fund.mechanism': 'Dispositif',
    'fund.year': 'Année',
    'fund.nature': 'Nature',
    'fund.amount': 'Montant',
    'fund.totalNature': 'Total {nature}',
    'fund.original': 'montant d’origine : {amount} {currency}',
    'fund.none': 'Aucune ligne de financement.',
    'sdg.suggested': 'suggéré',
    'sdg.short': 'ODD {code}',

    'export.title': 'Exporter',
    'report.title': 'Rapport',
    'report.html': 'Rapport (page à imprimer)',
    'report.pdf': 'Rapport PDF',
    'report.xlsx': 'Tableaux du rapport (XLSX)',
    'export.intro': 'Télécharger ces données :',
    'export.csv': 'CSV',
    'export.excel': 'CSV pour Excel',
    'export.xlsx': 'Classeur Excel (XLSX)',
    'export.json': 'JSON',
    'export.geojson': 'GeoJSON',
    'export.iati': 'IATI',

    // Dashboard (/tableau-de-bord)
    'nav.dashboard': 'Tableau de bord',
    'dash.title': 'Tableau de bord',
    'dash.intro': "Les chiffres et graphiques des rapports (financements, effet de levier, prévu et réalisé, thèmes, ODD, années, pays) pour le périmètre choisi avec les filtres. L'adresse de la page garde les filtres.",
    'dash.filters': 'Filtres',
    'dash.all': '— Sans filtre —',
    'dash.apply': 'Appliquer les filtres',
    'dash.national': "Périmètre : tout l'atlas.",
    'dash.filter.country': 'Pays',
    'dash.filter.fr_region': 'Région française',
    'dash.filter.departement': 'Département',
    'dash.filter.theme': 'Thème',
    'dash.filter.sdg': 'ODD',
    'dash.filter.year': 'Année',
    'dash.filter.authority': 'Collectivité française (code)',
    'dash.authorityHint': 'Code INSEE de la commune ou code de la collectivité, ex. 35238 pour Rennes.',
    'dash.authorityCounts': "Les nombres de projets et de partenariats et les graphiques par thème, ODD, année et pays ne sont pas filtrés par collectivité (la recherche n'a pas ce filtre) ; les financements le sont.",
    'dash.badFilter': 'Filtre non valable : {detail}',
    'dash.demo': 'Ces chiffres incluent des données de démonstration.',
    'dash.noFunding': "Aucune ligne de financement pour ce périmètre : pas de chiffres de financement ni d'effet de levier.",
    'dash.noData': 'Aucune donnée pour ce périmètre.',
    'dash.fig.projects': 'projets',
    'dash.fig.partnerships': 'partenariats',
    'dash.fig.planned': 'de budget prévu',
    'dash.fig.actual': 'de dépenses réalisées',
    'dash.fig.execution': 'taux de réalisation (réalisé / prévu)',
    'dash.fig.state': "de soutien de l'État (prévu)",
    'dash.fig.own': 'de fonds propres des collectivités françaises (prévu)',
    'dash.fig.budget_per_state_euro': "€ de budget par euro de l'État (prévu)",
    'dash.fig.other_per_own_euro': "€ d'autres financements par euro de fonds propres (prévu)",
    'dash.bySource': 'Financements par source',
    'dash.byMechanism': 'Financements par dispositif',
    'dash.leverage': 'Effet de levier',
    'dash.plannedActual': 'Prévu et réalisé',
    'dash.byTheme': 'Projets et partenariats par thème',
    'dash.bySdg': 'Projets et partenariats par ODD',
    'dash.trend': 'Évolution par année',
    'dash.trendOneYear': 'Une seule année est choisie : retirez le filtre « Année » pour voir les financements de chaque année.',
    'dash.topCountries': 'Principaux pays',
    'dash.col.source': 'Source',
    'dash.col.planned': 'Prévu',
    'dash.col.actual': 'Réalisé',
    'dash.col.share': 'Part du prévu',
    'dash.col.ratio': 'Ratio',
    'dash.col.amount': 'Montant',
    'dash.col.execution': 'Réalisé / prévu',
    'dash.col.projects': 'Projets',
    'dash.col.records': 'Projets et partenariats',
    'dash.map.world': 'Projets et partenariats par pays',
    'dash.map.worldDesc': 'Carte du monde : chaque pays est coloré selon le nombre de projets et de partenariats du périmètre choisi qui le concernent. Cliquez sur un pays pour ouvrir sa page.',
    'dash.map.shape': { one: '{name} : {n} projet ou partenariat', other: '{name} : {n} projets et partenariats' },
    'dash.map.france': 'Projets et partenariats par département',
    'dash.map.franceDesc': 'Carte de la France : chaque département est coloré selon le nombre de projets et de partenariats du périmètre choisi où participe une collectivité du département. Les départements d’outre-mer sont en encarts. Cliquez sur un département pour filtrer le tableau de bord.',
    'dash.map.shapeDep': { one: '{name} ({code}) : {n} projet ou partenariat', other: '{name} ({code}) : {n} projets et partenariats' },
    'dash.col.partnerships': 'Partenariats',
    'dash.lev.budget_per_state_euro': "Budget par euro de l'État",
    'dash.lev.other_per_own_euro': 'Autres financements par euro de fonds propres',
    'dash.def.budget_per_state_euro': "Budget total ÷ soutien de l'État (appels à projets du ministère et AFD FICOL) : chaque euro de l'État accompagne ce nombre d'euros de projet.",
    'dash.def.other_per_own_euro': '(Budget total − fonds propres des collectivités françaises) ÷ fonds propres : chaque euro apporté par une collectivité française attire ce nombre d’euros d’autres financeurs (État, agences, UE, partenaires, associations…).',
    'dash.def.none': "« — » : le ratio n'existe pas quand son dénominateur est nul.",
    'dash.pa.total': 'Budget total',
    'dash.pa.own': 'Fonds propres des collectivités françaises',
    'dash.pa.cash': '… dont numéraire',
    'dash.pa.in_kind': '… dont apports en nature',
    'dash.pa.one_percent': '… dont « 1 % »',
    'dash.pa.state': "Soutien de l'État",
    'dash.funder.french_authority': 'Collectivités françaises',
    'dash.funder.partner_authority': 'Collectivités partenaires',
    'dash.funder.state': 'État',
    'dash.funder.public_body': 'Autres organismes publics (AFD, agences de l’eau)',
    'dash.funder.eu': 'Union européenne',
    'dash.funder.ngo': 'Associations, ONG',
    'dash.funder.foundation': 'Fondations',
    'dash.funder.company': 'Entreprises',
    'dash.funder.other': 'Autres',
    'dash.noReport': "Le rapport se fait pour une collectivité, un pays, un thème ou tout l'atlas (avec ou sans année) : retirez des filtres pour l'obtenir.",

    'none': '—',
    'from.to': 'du {a} au {b}',
    'since': 'depuis le {a}',
  },
  en: {
    'site.tagline': 'The open atlas of French decentralised cooperation',
    'skip': 'Skip to content',
    'nav.label': 'Main navigation',
    'nav.home': 'Home',
    'nav.search': 'Search',
    'lang.button': 'Français',
    'lang.buttonLabel': 'Passer en français',
    'footer.text': 'coopatlas, free software (Apache-2.0). Data: INSEE/COG, IGN, GeoNames, Natural Earth, Wikipedia (CC BY-SA), demonstration data flagged as such.',
    'footer.api': 'API and documentation',

    'search.label': 'Search for an authority, a country, a partnership, a project',
    'search.placeholder': 'e.g. Rennes, Senegal, drinking water',
    'search.submit': 'Search',
    'suggest.hint': 'Suggestions available: up and down arrows to browse, Enter to open.',
    'suggest.count': { one: '{n} suggestion', other: '{n} suggestions' },
    'suggest.none': 'No suggestions',

    'type.authority': 'Authority',
    'type.foreign_authority': 'Foreign authority',
    'type.country': 'Country',
    'type.partnership': 'Partnership',
    'type.project': 'Project',

    'demo.badge': 'Demonstration data',
    'demo.notice': 'This database holds demonstration data ({n} records). They carry the “Demonstration data” badge.',
    'loading': 'Loading…',
    'error.title': 'Error',
    'error.load': 'Could not load the data: {detail}',
    'error.unavailable': 'This service is not available on this server yet ({path}).',
    'error.noRecord': 'No such record ({detail}).',
    'notfound.title': 'Page not found',
    'notfound.text': 'This address matches no page of the atlas.',
    'notfound.home': 'Back to the home page',

    'home.title': 'Atlas of decentralised cooperation',
    'home.intro': 'The partnerships between French local authorities (municipalities, inter-municipal bodies, départements, regions) and local authorities abroad, their projects and their funding.',
    'home.figures': 'Key figures',
    'fig.partnerships': 'partnerships',
    'fig.french_authorities': 'French authorities involved',
    'fig.foreign_authorities': 'partner authorities abroad',
    'fig.countries': 'countries',
    'fig.projects': 'projects',
    'fig.funding_planned_cents': 'of planned funding',
    'home.themes': 'Project themes',
    'home.kinds': 'Kinds of partnership',

    'map.world.title': 'Partnerships by country',
    'map.world.desc': 'World map: each country is shaded by the number of partnerships with French authorities. Click a country to open its page.',
    'map.france.title': 'Authorities involved by département',
    'map.france.desc': 'Map of France: each département is shaded by the number of authorities involved in a partnership. The five overseas départements are shown in insets. Click a département to search its partnerships.',
    'map.legend': 'Legend',
    'map.nodata': 'No data',
    'map.loading': 'Loading the map…',
    'map.error': 'The map could not be drawn ({detail}). The data remain readable in the table.',
    'map.table': 'Show the data as a table',
    'map.offmap': 'not on the map',
    'map.paris': 'Paris and inner suburbs',
    'map.shape.country': { one: '{name}: {n} partnership', other: '{name}: {n} partnerships' },
    'map.shape.departement': { one: '{name} ({code}): {n} authority involved', other: '{name} ({code}): {n} authorities involved' },
    'map.shape.search': { one: '{name}: {n} result', other: '{name}: {n} results' },
    'map.links.title': 'Map of the partnerships',
    'map.links.desc': 'Lines drawn from {from} to the partner authorities whose location is known ({n} of {total}).',
    'map.links.descPending': 'Lines drawn from {from} to the partner authorities whose location is known.',
    'map.links.descPendingCountry': 'Map: {name} and the French authorities with partners there.',
    'map.links.descCountry': 'Map: {name} and the French authorities with partners there ({n} links with both ends located).',
    'table.country': 'Country',
    'table.partnerships': 'Partnerships',
    'table.departement': 'Département',
    'table.code': 'Code',
    'table.authorities': 'Authorities involved',
    'table.results': 'Results',

    'results.title': 'Search results',
    'results.for': 'Search: “{q}”',
    'results.filter': '{facet}: {value}',
    'results.count': { one: '{n} result', other: '{n} results' },
    'results.none': 'No results. Try fewer words or remove a filter.',
    'results.sort': 'Sort by:',
    'sort.relevance': 'relevance',
    'sort.date': 'date',
    'results.filters': 'Refine',
    'results.active': 'Active filters',
    'results.clear': 'Remove all filters',
    'results.remove': 'Remove the filter {label}',
    'results.selected': '(active filter)',
    'results.map': 'Results by country',
    'results.mapDesc': 'World map: each country is shaded by the number of results. Click a country to filter.',
    'results.more': 'Show more ({n})',
    'results.less': 'Show less',
    'pager.label': 'Pagination',
    'pager.prev': 'Previous page',
    'pager.next': 'Next page',
    'pager.page': 'Page {n}',
    'pager.of': 'Page {page} of {pages}',

    'facet.type': 'Record type',
    'facet.country': 'Country',
    'facet.world_region': 'World region',
    'facet.fr_region': 'French region',
    'facet.departement': 'Département',
    'facet.authority_kind': 'Kind of authority',
    'facet.partnership_kind': 'Kind of partnership',
    'facet.theme': 'Theme',
    'facet.sdg': 'Sustainable Development Goal',
    'facet.year': 'Year',

    'auth.identity': 'Identity',
    'auth.kind': 'Kind',
    'auth.code': 'Official code',
    'auth.departement': 'Département',
    'auth.region': 'Region',
    'auth.population': 'Population',
    'auth.epci': 'Inter-municipal body',
    'auth.country': 'Country',
    'auth.admin1': 'Administrative region',
    'auth.partnerships': 'Partnerships ({n})',
    'auth.projects': 'Projects ({n})',
    'auth.peers': 'Comparable authorities',
    'auth.peersIntro': 'French authorities cooperating with the same countries or on the same themes.',
    'auth.noPartnerships': 'No partnership recorded.',
    'auth.noProjects': 'No project recorded.',
    'list.firstOf': 'The first {shown} of {total}.',
    'list.allInSearch': 'All of them in the search',
    'auth.noPeers': 'No comparable authority found.',
    'auth.map': 'Map of the partnerships',

    'country.partners': 'Partner authorities ({n})',
    'country.french': 'French authorities active there ({n})',
    'country.themes': 'Themes',
    'country.projects': 'Projects ({n})',
    'country.partnerships': 'Partnerships ({n})',
    'count.partnerships': { one: '{n} partnership', other: '{n} partnerships' },
    'count.projects': { one: '{n} project', other: '{n} projects' },
    'count.planned': '{amount} planned',
    'country.none': 'No authority recorded.',
    'country.region': 'World region',
    'country.summary': 'At a glance',

    'part.title': 'Partnership',
    'part.kind': 'Kind',
    'part.status': 'Status',
    'part.signed': 'Signed on',
    'part.started': 'Start',
    'part.ended': 'End',
    'part.object': 'Purpose',
    'part.council': 'Council decision',
    'part.commitments': 'Planned commitments',
    'part.french': 'French authorities',
    'part.partners': 'Partner authorities',
    'part.projects': 'Projects ({n})',
    'part.source': 'Source',
    'part.between': '{a} – {b}',

    'proj.title': 'Project',
    'proj.ref': 'Reference',
    'proj.status': 'Status',
    'proj.period': 'Period',
    'proj.description': 'Description',
    'proj.beneficiaries': 'Beneficiaries',
    'proj.themes': 'Themes',
    'proj.sdgs': 'Sustainable Development Goals',
    'proj.participants': 'Participants',
    'proj.locations': 'Locations',
    'proj.funding': 'Funding',
    'proj.partnership': 'Partnership',
    'proj.dac': 'DAC codes',
    'proj.map': 'Map of the project',
    'proj.mapDesc': 'Lines drawn from {from} to the places of the project whose location is known ({n} of {total}).',
    'fund.funder': 'Funder',
    'fund.mechanism': 'Mechanism',
    'fund.year': 'Year',
    'fund.nature': 'Nature',
    'fund.amount': 'Amount',
    'fund.totalNature': 'Total {nature}',
    'fund.original': 'original amount: {amount} {currency}',
    'fund.none': 'No funding line.',
    'sdg.suggested': 'suggested',
    'sdg.short': 'SDG {code}',

    'export.title': 'Export',
    'report.title': 'Report',
    'report.html': 'Report (printable page)',
    'report.pdf': 'Report as PDF',
    'report.xlsx': "The report's tables (XLSX)",
    'export.intro': 'Download these data:',
    'export.csv': 'CSV',
    'export.excel': 'CSV for Excel',
    'export.xlsx': 'Excel workbook (XLSX)',
    'export.json': 'JSON',
    'export.geojson': 'GeoJSON',
    'export.iati': 'IATI',

    // Dashboard (/tableau-de-bord)
    'nav.dashboard': 'Dashboard',
    'dash.title': 'Dashboard',
    'dash.intro': "The figures and charts of the reports (funding, leverage, planned and actual, themes, SDGs, years, countries) for the scope chosen with the filters. The page's address keeps the filters.",
    'dash.filters': 'Filters',
    'dash.all': '— Any —',
    'dash.apply': 'Apply filters',
    'dash.national': 'Scope: the whole atlas.',
    'dash.filter.country': 'Country',
    'dash.filter.fr_region': 'French region',
    'dash.filter.departement': 'Département',
    'dash.filter.theme': 'Theme',
    'dash.filter.sdg': 'SDG',
    'dash.filter.year': 'Year',
    'dash.filter.authority': 'French authority (code)',
    'dash.authorityHint': "The municipality's INSEE code or the authority's code, e.g. 35238 for Rennes.",
    'dash.authorityCounts': 'The numbers of projects and partnerships and the charts by theme, SDG, year and country are not filtered by authority (the search has no such filter); the funding figures are.',
    'dash.badFilter': 'Invalid filter: {detail}',
    'dash.demo': 'These figures include demonstration data.',
    'dash.noFunding': 'No funding line in this scope: no funding or leverage figures.',
    'dash.noData': 'No data in this scope.',
    'dash.fig.projects': 'projects',
    'dash.fig.partnerships': 'partnerships',
    'dash.fig.planned': 'planned budget',
    'dash.fig.actual': 'actual spending',
    'dash.fig.execution': 'execution rate (actual / planned)',
    'dash.fig.state': 'State support (planned)',
    'dash.fig.own': "French authorities' own funds (planned)",
    'dash.fig.budget_per_state_euro': 'euros of budget per euro of State support (planned)',
    'dash.fig.other_per_own_euro': 'euros of other funding per euro of own funds (planned)',
    'dash.bySource': 'Funding by source',
    'dash.byMechanism': 'Funding by mechanism',
    'dash.leverage': 'Leverage',
    'dash.plannedActual': 'Planned and actual',
    'dash.byTheme': 'Projects and partnerships by theme',
    'dash.bySdg': 'Projects and partnerships by SDG',
    'dash.trend': 'Trend by year',
    'dash.trendOneYear': "One year is chosen: remove the \"Year\" filter to see the funding of each year.",
    'dash.topCountries': 'Top countries',
    'dash.col.source': 'Source',
    'dash.col.planned': 'Planned',
    'dash.col.actual': 'Actual',
    'dash.col.share': 'Share of planned',
    'dash.col.ratio': 'Ratio',
    'dash.col.amount': 'Amount',
    'dash.col.execution': 'Actual / planned',
    'dash.col.projects': 'Projects',
    'dash.col.records': 'Projects and partnerships',
    'dash.map.world': 'Projects and partnerships by country',
    'dash.map.worldDesc': 'World map: each country is shaded by the number of projects and partnerships of the chosen scope concerning it. Click a country to open its page.',
    'dash.map.shape': { one: '{name}: {n} project or partnership', other: '{name}: {n} projects and partnerships' },
    'dash.map.france': 'Projects and partnerships by département',
    'dash.map.franceDesc': 'Map of France: each département is shaded by the number of projects and partnerships of the chosen scope with an authority of the département. Overseas départements are in insets. Click a département to filter the dashboard.',
    'dash.map.shapeDep': { one: '{name} ({code}): {n} project or partnership', other: '{name} ({code}): {n} projects and partnerships' },
    'dash.col.partnerships': 'Partnerships',
    'dash.lev.budget_per_state_euro': 'Budget per euro of State support',
    'dash.lev.other_per_own_euro': 'Other funding per euro of own funds',
    'dash.def.budget_per_state_euro': "Total budget ÷ State support (the ministry's calls for projects and AFD FICOL): each euro from the State comes with this many euros of project.",
    'dash.def.other_per_own_euro': "(Total budget − French authorities' own funds) ÷ own funds: each euro a French authority puts in brings this many euros from other funders (State, agencies, EU, partners, NGOs…).",
    'dash.def.none': "\"—\": the ratio does not exist when its denominator is zero.",
    'dash.pa.total': 'Total budget',
    'dash.pa.own': "French authorities' own funds",
    'dash.pa.cash': '… of which cash',
    'dash.pa.in_kind': '… of which in kind',
    'dash.pa.one_percent': "… of which \"1 %\"",
    'dash.pa.state': 'State support',
    'dash.funder.french_authority': 'French authorities',
    'dash.funder.partner_authority': 'Partner authorities',
    'dash.funder.state': 'State',
    'dash.funder.public_body': 'Other public bodies (AFD, water agencies)',
    'dash.funder.eu': 'European Union',
    'dash.funder.ngo': 'Associations, NGOs',
    'dash.funder.foundation': 'Foundations',
    'dash.funder.company': 'Companies',
    'dash.funder.other': 'Others',
    'dash.noReport': 'A report covers one authority, one country, one theme or the whole atlas (with or without a year): remove filters to get one.',

    'none': '—',
    'from.to': 'from {a} to {b}',
    'since': 'since {a}',
  },
};

// Labels of the codes the API returns as they are (kinds, statuses, roles,
// funding mechanisms). Unknown codes are shown as given.
const CODES = {
  authority_kind: {
    commune: ['Commune', 'Municipality'],
    'arrondissement-municipal': ['Arrondissement municipal', 'Municipal district'],
    'epci-cc': ['Communauté de communes', 'Community of municipalities'],
    'epci-ca': ["Communauté d'agglomération", 'Agglomeration community'],
    'epci-cu': ['Communauté urbaine', 'Urban community'],
    metropole: ['Métropole', 'Metropolis'],
    ept: ['Établissement public territorial', 'Territorial public body'],
    departement: ['Département', 'Département'],
    region: ['Région', 'Region'],
    'collectivite-outre-mer': ["Collectivité d'outre-mer", 'Overseas collectivity'],
    foreign: ['Collectivité étrangère', 'Foreign authority'],
  },
  partnership_kind: {
    jumelage: ['Jumelage', 'Twinning'],
    convention: ['Convention de coopération', 'Cooperation agreement'],
    action: ['Action sans convention', 'Action without agreement'],
    autre: ['Autre', 'Other'],
    urgence: ["Aide d'urgence", 'Emergency aid'],
    'un-pour-cent': ['Dispositif « 1 % »', '“1 %” scheme'],
  },
  partnership_status: {
    active: ['Actif', 'Active'],
    dormant: ['En sommeil', 'Dormant'],
    suspended: ['Suspendu', 'Suspended'],
    ended: ['Terminé', 'Ended'],
    unknown: ['Non renseigné', 'Unknown'],
  },
  project_status: {
    planned: ['En projet', 'Planned'],
    ongoing: ['En cours', 'Ongoing'],
    completed: ['Terminé', 'Completed'],
    suspended: ['Suspendu', 'Suspended'],
    cancelled: ['Annulé', 'Cancelled'],
  },
  role: {
    lead: ["Maître d'ouvrage", 'Lead'],
    funder: ['Financeur', 'Funder'],
    implementer: ["Maître d'œuvre", 'Implementer'],
    partner: ['Partenaire', 'Partner'],
  },
  nature: {
    planned: ['prévu', 'planned'],
    actual: ['réalisé', 'actual'],
  },
  mechanism: {
    'budget-general': ['Budget général', 'General budget'],
    nature: ['Apport en nature', 'In kind'],
    '1pc-eau': ['1 % eau', '1 % water'],
    '1pc-assainissement': ['1 % assainissement', '1 % sanitation'],
    '1pc-energie': ['1 % énergie', '1 % energy'],
    '1pc-dechets': ['1 % déchets', '1 % waste'],
    '1pc-mobilite': ['1 % mobilité', '1 % mobility'],
    'appel-etat': ["Appel à projets de l'État", 'Government call for projects'],
    'afd-ficol': ['AFD – FICOL', 'AFD – FICOL'],
    ue: ['Union européenne', 'European Union'],
    autre: ['Autre', 'Other'],
  },
  // UN M49 regions (the API's stats label them in English only).
  world_region: {
    '002': ['Afrique', 'Africa'],
    '019': ['Amériques', 'Americas'],
    '142': ['Asie', 'Asia'],
    '150': ['Europe', 'Europe'],
    '009': ['Océanie', 'Oceania'],
  },
  type: {
    authority: ['Collectivités', 'Authorities'],
    partnership: ['Partenariats', 'Partnerships'],
    project: ['Projets', 'Projects'],
  },
};

let current = initialLang();

function initialLang() {
  try {
    const saved = localStorage.getItem(STORAGE_KEY);
    if (LANGS.includes(saved)) return saved;
  } catch { /* storage disabled: French */ }
  return 'fr';
}

/** The interface language: "fr" or "en". */
export function lang() { return current; }

/** BCP 47 locale used for numbers and dates. */
export function locale() { return current === 'fr' ? 'fr-FR' : 'en-GB'; }

/** Changes the language, persists it and reflects it in <html lang>. */
export function setLang(next) {
  if (!LANGS.includes(next)) return;
  current = next;
  try { localStorage.setItem(STORAGE_KEY, next); } catch { /* ignore */ }
  applyStatic();
}

/** The string `key` in the current language, with {name} placeholders filled. */
export function t(key, vars = {}) {
  let s = DICT[current][key] ?? DICT.fr[key] ?? key;
  // Plural forms: { one, other }, chosen by the locale's rules on vars.n.
  if (typeof s === 'object') {
    const n = Number(String(vars.n).replace(/[^\d.-]/g, ''));
    s = s[new Intl.PluralRules(locale()).select(n)] ?? s.other;
  }
  return s.replace(/\{(\w+)\}/g, (m, name) => (name in vars ? String(vars[name]) : m));
}

/** The label of a code of a given family (authority_kind, role, ...). */
export function codeLabel(family, code) {
  if (code == null || code === '') return t('none');
  const entry = CODES[family]?.[code];
  return entry ? entry[current === 'fr' ? 0 : 1] : String(code);
}

/** The label of an API item with label / label_en (facets, stats buckets). */
export function itemLabel(item, family) {
  const api = (current === 'en' && item.label_en) || item.label;
  // The API sometimes answers the bare code as label: prefer ours.
  if (family && CODES[family]?.[item.value] && (!api || api === String(item.value))) {
    return codeLabel(family, item.value);
  }
  return api ?? String(item.value);
}

/** Updates <html lang> and every element marked data-i18n / data-i18n-attr. */
export function applyStatic(root = document) {
  document.documentElement.lang = current;
  for (const el of root.querySelectorAll('[data-i18n]')) el.textContent = t(el.dataset.i18n);
  for (const el of root.querySelectorAll('[data-i18n-attr]')) {
    // data-i18n-attr="placeholder:search.placeholder;aria-label:..."
    for (const pair of el.dataset.i18nAttr.split(';')) {
      const [attr, key] = pair.split(':');
      el.setAttribute(attr.trim(), t(key.trim()));
    }
  }
}

// ---- formatting ---------------------------------------------------------

/** A whole number with the locale's grouping ("1 234" / "1,234"). */
export function formatNumber(n) {
  return new Intl.NumberFormat(locale()).format(n ?? 0);
}

/** Euros from integer cents: "8 300,00 €" in French. */
export function formatEuros(cents, { decimals = 2 } = {}) {
  return new Intl.NumberFormat(locale(), {
    style: 'currency', currency: 'EUR',
    minimumFractionDigits: decimals, maximumFractionDigits: decimals,
  }).format((cents ?? 0) / 100);
}

/** An ISO date (yyyy-mm-dd) in the locale's long form, or the text as is. */
export function formatDate(iso) {
  if (!iso) return t('none');
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  if (!m) return String(iso);
  const d = new Date(Date.UTC(+m[1], +m[2] - 1, +m[3]));
  return new Intl.DateTimeFormat(locale(), { dateStyle: 'long', timeZone: 'UTC' }).format(d);
}

/** A period from two ISO dates, either of which may be missing. */
export function formatPeriod(from, to) {
  if (from && to) return t('from.to', { a: formatDate(from), b: formatDate(to) });
  if (from) return t('since', { a: formatDate(from) });
  if (to) return formatDate(to);
  return t('none');
}
