#!/usr/bin/env python3
"""Generates the demonstration projects of coopatlas (data/demo).

    python3 scripts/make_demo_data.py [COG_DATA_DIR] [--out DIR]

Writes data/demo/projets.csv and data/demo/financements.csv in the format of
docs/formats.md ("Projects"). The data is SYNTHETIC: the French authorities
are real (official codes) but every project, partner relation, actor and
amount is invented. Python 3 standard library only, no network, fixed seed:
running it twice gives the same bytes.

Checks, before anything is written (nothing is written if one fails):
- theme codes exist in data/themes/themes.csv;
- SDG goals and targets exist in third_party/sdg/sdg_fr_en.csv and their goal
  belongs to one of the project's themes;
- DAC purpose codes are active codes of third_party/iati-codelists/Sector.csv
  and belong to one of the project's themes (a 3-digit category of a theme
  admits the active codes of that category); percentages add up to 100;
- every funder of type `partenaire` is one of the project's partner
  authorities; every funding line's project exists; 2 to 7 lines a project;
- the eligibility edge cases listed in data/demo/SOURCE.md hold exactly.
With COG_DATA_DIR (the `data` directory of the npm package
@etalab/decoupage-administratif, e.g. node_modules/@etalab/
decoupage-administratif/data), every French authority code is also checked
against communes.json (type commune-actuelle), epci.json, departements.json
and regions.json, name included. Without it, the repository's node_modules
copy is used when present.
"""

import argparse
import csv
import datetime as dt
import io
import json
import os
import random
import re
import sys

SEED = 20261127
TODAY = dt.date(2026, 11, 27)  # statuses are consistent with this date
FIRST_YEAR, LAST_YEAR = 2019, 2026  # funding years

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

# ---------------------------------------------------------------------------
# Themes (short names used below -> codes of data/themes/themes.csv)
EAU = "eau-assainissement"
ENER = "energie"
DECH = "dechets"
SANTE = "sante"
MOB = "mobilite-transports"
EDU = "education"
GOUV = "gouvernance-locale"
JEUN = "jeunesse-mobilite-internationale"
EGAL = "egalite-femmes-hommes"
ECO = "developpement-economique-local"
AGRI = "agriculture-securite-alimentaire"
ADAPT = "climat-adaptation"
ATTEN = "climat-attenuation"
ENV = "environnement-biodiversite"
OCEAN = "ocean"
CULT = "culture-patrimoine"
SPORT = "sport"
SUP = "enseignement-superieur-recherche"
FPRO = "formation-professionnelle"
NUM = "numerique"
URG = "urgence-post-crise"
MIGR = "migrations-diasporas"
PAIX = "paix-dialogue-citoyennete"
ECSI = "ecsi"
FRANCO = "francophonie"

# ---------------------------------------------------------------------------
# Funders that are not authorities
MEAE = "Ministère de l'Europe et des Affaires étrangères – DCTCIV"
AFD = "Agence française de développement"
UE = "Union européenne"
AGENCIES = {
    "LB": "Agence de l'eau Loire-Bretagne",
    "RMC": "Agence de l'eau Rhône Méditerranée Corse",
    "SN": "Agence de l'eau Seine-Normandie",
    "AG": "Agence de l'eau Adour-Garonne",
    "AP": "Agence de l'eau Artois-Picardie",
    "RM": "Agence de l'eau Rhin-Meuse",
    # Overseas, the "1 %" is raised by the office de l'eau.
    "REU": "Office de l'eau de La Réunion",
}
FOUNDATIONS = [
    "Fondation Territoires Solidaires",
    "Fondation Eau Partagée",
    "Fondation Agir pour l'école",
    "Fondation Santé et Développement",
    "Fondation Patrimoines du Monde",
]
COMPANIES = [
    "SCOP Bâtisseurs Solidaires",
    "Société d'ingénierie Eau et Territoires",
    "SAS Solaire Solidaire",
    "Coopérative Énergies Citoyennes",
]

# ---------------------------------------------------------------------------
# French elision helpers
VOWELS = "AEIOUÂÊÎÔÛÉÈËÏÜaeiouéèêàâîôû"
H_MUET = {"Hébron"}
INSTITUTION_WORDS = ("Région", "Province", "Voïvodie", "État", "Oblast",
                     "Union", "Communauté")


def de(name):
    """'de Podor', "d'Abomey", 'du Kef', 'des Cayes', 'de la région X'."""
    if name.startswith(INSTITUTION_WORDS):
        first, rest = name.split(" ", 1)
        low = first[0].lower() + first[1:]
        art = "de l'" if low[0] in VOWELS else "de la "
        if first in ("Union",):
            art = "de l'"
        return art + low + " " + rest
    if name.startswith("Le "):
        return "du " + name[3:]
    if name.startswith("Les "):
        return "des " + name[4:]
    if name[0] in VOWELS or name in H_MUET:
        return "d'" + name
    return "de " + name


def a(name):
    """'à Podor', 'au Kef', 'aux Cayes', 'dans la région X'."""
    if name.startswith(INSTITUTION_WORDS):
        first, rest = name.split(" ", 1)
        low = first[0].lower() + first[1:]
        art = "dans l'" if low[0] in VOWELS else "dans la "
        return art + low + " " + rest
    if name.startswith("Le "):
        return "au " + name[3:]
    if name.startswith("Les "):
        return "aux " + name[4:]
    return "à " + name


def la(name):
    """'la commune de Podor', 'la région Atsinanana', 'la ville de Kyiv'."""
    if name.startswith(INSTITUTION_WORDS):
        first, rest = name.split(" ", 1)
        low = first[0].lower() + first[1:]
        return ("l'" if low[0] in VOWELS else "la ") + low + " " + rest
    return "la ville " + de(name) if name in BIG else "la commune " + de(name)


def de_art(s):
    """'de' before a name that may carry an article: "de l'Isère",
    'de la Bretagne', 'des Hauts-de-France', 'du Nord', 'de Rennes'."""
    if s.startswith("le "):
        return "du " + s[3:]
    if s.startswith("les "):
        return "des " + s[4:]
    if s.startswith(("la ", "l'", "La ")):
        return "de " + s
    return de(s)


# ---------------------------------------------------------------------------
# French authorities. form = what is written in collectivite_fr and in the
# financeur column: INSEE code (communes), SIREN (EPCI), département code, or
# "Département NN" / "Région NN" where the bare code names both a région and
# a département (01-04, 06, 11, 24, 27, 28, 32, 44, 52, 53, 75, 76, 84, 93,
# 94): a bare ambiguous code is an import error.
AUTH = {}
REGION_CODES = {"01", "02", "03", "04", "06", "11", "24", "27", "28", "32",
                "44", "52", "53", "75", "76", "84", "93", "94"}


def _add(key, kind, code, name, basin, label, city, city_en, univ, form=None,
         seat=None):
    AUTH[key] = dict(key=key, kind=kind, code=code, name=name, basin=basin,
                     label=label, city=city, city_en=city_en, univ=univ,
                     form=form or code, seat=seat or city,
                     de_city=DE_CITY.get(key) or de_art(city))


def commune(key, code, name, basin, univ=None, label=None):
    _add(key, "commune", code, name, basin, label or "la Ville " + de(name),
         name, name, univ)


def epci(key, siren, name, basin, label, city, univ=None):
    _add(key, "epci", siren, name, basin, label, city, city, univ)


def dept(key, code, name, basin, label, city, univ=None):
    form = "Département " + code if code in REGION_CODES else code
    _add(key, "departement", code, name, basin, label, city, name, univ, form,
         SEATS[key])


def region(key, code, name, basin, label, city, univ=None):
    _add(key, "region", code, name, basin, label, city, name, univ,
         "Région " + code, SEATS[key])


# "de" + territory where the usage differs from the grammar of de_art().
DE_CITY = {"d35": "d'Ille-et-Vilaine", "d44": "de Loire-Atlantique",
           "r53": "de Bretagne", "r84": "d'Auvergne-Rhône-Alpes",
           "r11": "d'Île-de-France", "r75": "de Nouvelle-Aquitaine",
           "r76": "d'Occitanie", "r27": "de Bourgogne-Franche-Comté",
           "r28": "de Normandie", "d974": "de La Réunion",
           "r04": "de La Réunion"}
# Main town of départements and régions, for the names of local actors.
SEATS = {"d35": "Rennes", "d44": "Nantes", "d38": "Grenoble",
         "d93": "Bobigny", "d974": "Saint-Denis", "d22": "Saint-Brieuc",
         "d29": "Quimper", "d86": "Poitiers", "d59": "Lille",
         "d13": "Marseille", "d34": "Montpellier", "d94": "Créteil",
         "d74": "Annecy", "d26": "Valence", "d73": "Chambéry",
         "d33": "Bordeaux", "d64": "Pau", "d53": "Laval", "r53": "Rennes",
         "r84": "Lyon", "r32": "Lille", "r11": "Paris", "r75": "Bordeaux",
         "r76": "Toulouse", "r44": "Strasbourg", "r27": "Dijon",
         "r24": "Orléans", "r28": "Rouen", "r93": "Marseille",
         "r04": "Saint-Denis"}
# Cities with a university hospital (CHU).
CHU = {"Lyon", "Grenoble", "Nantes", "Strasbourg", "Lille", "Bordeaux",
       "Rennes", "Montpellier", "Marseille", "Toulouse", "Besançon",
       "Poitiers", "Limoges", "Nancy", "Clermont-Ferrand", "Angers", "Dijon",
       "Caen", "Amiens", "Nîmes", "Brest", "Reims", "Rouen", "Saint-Denis"}


# Communes (INSEE code, name as in the COG)
commune("lyon", "69123", "Lyon", "RMC", "Université Lumière Lyon 2")
commune("grenoble", "38185", "Grenoble", "RMC", "Université Grenoble Alpes")
commune("nantes", "44109", "Nantes", "LB", "Nantes Université")
commune("strasbourg", "67482", "Strasbourg", "RM", "Université de Strasbourg")
commune("lille", "59350", "Lille", "AP", "Université de Lille")
commune("bordeaux", "33063", "Bordeaux", "AG", "Université de Bordeaux")
commune("rennes", "35238", "Rennes", "LB", "Université de Rennes")
commune("montpellier", "34172", "Montpellier", "RMC", "Université de Montpellier")
commune("paris", "75056", "Paris", "SN", "Université Paris Cité")
commune("marseille", "13055", "Marseille", "RMC", "Aix-Marseille Université")
commune("toulouse", "31555", "Toulouse", "AG", "Université de Toulouse")
commune("besancon", "25056", "Besançon", "RMC", "Université de Franche-Comté")
commune("poitiers", "86194", "Poitiers", "LB", "Université de Poitiers")
commune("chambery", "73065", "Chambéry", "RMC", "Université Savoie Mont Blanc")
commune("villeurbanne", "69266", "Villeurbanne", "RMC", "Université Claude Bernard Lyon 1")
commune("montreuil", "93048", "Montreuil", "SN", "Université Paris 8")
commune("limoges", "87085", "Limoges", "LB", "Université de Limoges")
commune("niort", "79191", "Niort", "LB", "Université de Poitiers")
commune("larochelle", "17300", "La Rochelle", "AG", "La Rochelle Université")
commune("dunkerque", "59183", "Dunkerque", "AP", "Université du Littoral Côte d'Opale")
commune("roubaix", "59512", "Roubaix", "AP", "Université de Lille")
commune("nancy", "54395", "Nancy", "RM", "Université de Lorraine")
commune("clermont", "63113", "Clermont-Ferrand", "LB", "Université Clermont Auvergne")
commune("angers", "49007", "Angers", "LB", "Université d'Angers")
commune("dijon", "21231", "Dijon", "RMC", "Université de Bourgogne")
commune("caen", "14118", "Caen", "SN", "Université de Caen Normandie")
commune("amiens", "80021", "Amiens", "AP", "Université de Picardie Jules Verne")
commune("mulhouse", "68224", "Mulhouse", "RM", "Université de Haute-Alsace")
commune("nimes", "30189", "Nîmes", "RMC", "Université de Nîmes")
commune("valence", "26362", "Valence", "RMC", "Université Grenoble Alpes")
commune("echirolles", "38151", "Échirolles", "RMC")
commune("smh", "38421", "Saint-Martin-d'Hères", "RMC", "Université Grenoble Alpes")
commune("reze", "44143", "Rezé", "LB")
commune("pessac", "33318", "Pessac", "AG", "Université de Bordeaux")
commune("cesson", "35051", "Cesson-Sévigné", "LB")
commune("lorient", "56121", "Lorient", "LB", "Université Bretagne Sud")
commune("concarneau", "29039", "Concarneau", "LB")
commune("fougeres", "35115", "Fougères", "LB")
commune("vitre", "35360", "Vitré", "LB")
commune("crest", "26108", "Crest", "RMC")
commune("tulle", "19272", "Tulle", "AG")
commune("gueret", "23096", "Guéret", "LB")
commune("romans", "26281", "Romans-sur-Isère", "RMC")
commune("arras", "62041", "Arras", "AP", "Université d'Artois")
commune("cherbourg", "50129", "Cherbourg-en-Cotentin", "SN")
commune("chalon", "71076", "Chalon-sur-Saône", "RMC")
commune("belfort", "90010", "Belfort", "RMC")
commune("ales", "30007", "Alès", "RMC")
commune("sete", "34301", "Sète", "RMC")
commune("cahors", "46042", "Cahors", "AG")
commune("angouleme", "16015", "Angoulême", "AG")
commune("blois", "41018", "Blois", "LB")
commune("guingamp", "22070", "Guingamp", "LB")
commune("pontivy", "56178", "Pontivy", "LB")
commune("laval", "53130", "Laval", "LB")
commune("cholet", "49099", "Cholet", "LB")
commune("chateauroux", "36044", "Châteauroux", "LB")
commune("bourges", "18033", "Bourges", "LB")
commune("saintdie", "88413", "Saint-Dié-des-Vosges", "RM")
commune("saintquentin", "02691", "Saint-Quentin", "AP")
commune("stbrieuc", "22278", "Saint-Brieuc", "LB")
commune("saintdenis", "93066", "Saint-Denis", "SN", "Université Paris 8")

# EPCI (SIREN, name as in the COG)
epci("metlyon", "200046977", "Métropole de Lyon", "RMC", "la Métropole de Lyon",
     "Lyon", "Université Lumière Lyon 2")
epci("gam", "200040715", "Grenoble-Alpes-Métropole", "RMC",
     "Grenoble-Alpes Métropole", "Grenoble", "Université Grenoble Alpes")
epci("nantesmet", "244400404", "Nantes Métropole", "LB", "Nantes Métropole",
     "Nantes", "Nantes Université")
epci("ems", "246700488", "Eurométropole de Strasbourg", "RM",
     "l'Eurométropole de Strasbourg", "Strasbourg", "Université de Strasbourg")
epci("mel", "200093201", "Métropole Européenne de Lille", "AP",
     "la Métropole européenne de Lille", "Lille", "Université de Lille")
epci("bxmet", "243300316", "Bordeaux Métropole", "AG", "Bordeaux Métropole",
     "Bordeaux", "Université de Bordeaux")
epci("rennesmet", "243500139", "Rennes Métropole", "LB", "Rennes Métropole",
     "Rennes", "Université de Rennes")
epci("mmm", "243400017", "Montpellier Méditerranée Métropole", "RMC",
     "Montpellier Méditerranée Métropole", "Montpellier",
     "Université de Montpellier")
epci("brestmet", "242900314", "Brest Métropole", "LB", "Brest Métropole",
     "Brest", "Université de Bretagne Occidentale")
epci("toulousemet", "243100518", "Toulouse Métropole", "AG",
     "Toulouse Métropole", "Toulouse", "Université de Toulouse")
epci("grandpoitiers", "200069854", "CU du Grand Poitiers", "LB",
     "la communauté urbaine du Grand Poitiers", "Poitiers",
     "Université de Poitiers")
epci("clermontmet", "246300701", "Clermont Auvergne Métropole", "LB",
     "Clermont Auvergne Métropole", "Clermont-Ferrand",
     "Université Clermont Auvergne")
epci("cergyp", "249500109", "CA de Cergy-Pontoise", "SN",
     "la communauté d'agglomération de Cergy-Pontoise", "Cergy-Pontoise",
     "CY Cergy Paris Université")
epci("chamberyagglo", "200069110", "CA du Grand Chambéry", "RMC",
     "Grand Chambéry", "Chambéry", "Université Savoie Mont Blanc")
epci("lannion", "200065928", "CA Lannion-Trégor Communauté", "LB",
     "Lannion-Trégor Communauté", "Lannion")
epci("redonagglo", "243500741", "CA Redon Agglomération", "LB",
     "Redon Agglomération", "Redon")
epci("stbrieucagglo", "200069409", "CA Saint-Brieuc Armor Agglomération",
     "LB", "Saint-Brieuc Armor Agglomération", "Saint-Brieuc")
epci("douaisis", "200044618", "CA Douaisis Agglo", "AP", "Douaisis Agglo",
     "Douai")
epci("grandpoitiers2", "200041317", "CA du Niortais", "LB",
     "la communauté d'agglomération du Niortais", "Niort")
epci("montbeliard", "200065647", "CA Pays de Montbéliard Agglomération",
     "RMC", "Pays de Montbéliard Agglomération", "Montbéliard")
epci("voironnais", "243800984", "CA du Pays Voironnais", "RMC",
     "le Pays Voironnais", "Voiron")
epci("figeac", "200067361", "CC Grand-Figeac", "AG",
     "la communauté de communes du Grand-Figeac", "Figeac")
epci("valdille", "243500667", "CC Val d'Ille-Aubigné", "LB",
     "la communauté de communes Val d'Ille-Aubigné", "Val d'Ille-Aubigné")
epci("paysbasque", "200067106", "CA du Pays Basque", "AG",
     "la Communauté d'agglomération Pays Basque", "Bayonne",
     "Université de Pau et des Pays de l'Adour")
epci("valenceromans", "200068781", "CA Valence Romans Agglo", "RMC",
     "Valence Romans Agglo", "Valence")
epci("grandreims", "200067213", "CU du Grand Reims", "SN",
     "la communauté urbaine du Grand Reims", "Reims",
     "Université de Reims Champagne-Ardenne")
epci("lehavre", "200084952", "CU Le Havre Seine Métropole", "SN",
     "Le Havre Seine Métropole", "Le Havre", "Université Le Havre Normandie")
epci("grandchalon", "247100589", "CA Le Grand Chalon", "RMC",
     "le Grand Chalon", "Chalon-sur-Saône")
epci("carene", "244400644",
     "CA de la Région Nazairienne et de l'Estuaire (CARENE)", "LB",
     "la CARENE Saint-Nazaire Agglomération", "Saint-Nazaire")

# Départements
dept("d35", "35", "Ille-et-Vilaine", "LB", "le Département d'Ille-et-Vilaine",
     "l'Ille-et-Vilaine", "Université de Rennes")
dept("d44", "44", "Loire-Atlantique", "LB",
     "le Département de Loire-Atlantique", "la Loire-Atlantique",
     "Nantes Université")
dept("d38", "38", "Isère", "RMC", "le Département de l'Isère", "l'Isère",
     "Université Grenoble Alpes")
dept("d93", "93", "Seine-Saint-Denis", "SN",
     "le Département de la Seine-Saint-Denis", "la Seine-Saint-Denis",
     "Université Sorbonne Paris Nord")
dept("d974", "974", "La Réunion", "REU", "le Département de La Réunion",
     "La Réunion", "Université de La Réunion")
dept("d22", "22", "Côtes-d'Armor", "LB", "le Département des Côtes-d'Armor",
     "les Côtes-d'Armor")
dept("d29", "29", "Finistère", "LB", "le Département du Finistère",
     "le Finistère", "Université de Bretagne Occidentale")
dept("d86", "86", "Vienne", "LB", "le Département de la Vienne", "la Vienne",
     "Université de Poitiers")
dept("d59", "59", "Nord", "AP", "le Département du Nord", "le Nord",
     "Université de Lille")
dept("d13", "13", "Bouches-du-Rhône", "RMC",
     "le Département des Bouches-du-Rhône", "les Bouches-du-Rhône",
     "Aix-Marseille Université")
dept("d34", "34", "Hérault", "RMC", "le Département de l'Hérault", "l'Hérault",
     "Université de Montpellier")
dept("d94", "94", "Val-de-Marne", "SN", "le Département du Val-de-Marne",
     "le Val-de-Marne", "Université Paris-Est Créteil")
dept("d74", "74", "Haute-Savoie", "RMC", "le Département de la Haute-Savoie",
     "la Haute-Savoie", "Université Savoie Mont Blanc")
dept("d26", "26", "Drôme", "RMC", "le Département de la Drôme", "la Drôme")
dept("d73", "73", "Savoie", "RMC", "le Département de la Savoie", "la Savoie",
     "Université Savoie Mont Blanc")
dept("d33", "33", "Gironde", "AG", "le Département de la Gironde",
     "la Gironde", "Université de Bordeaux")
dept("d64", "64", "Pyrénées-Atlantiques", "AG",
     "le Département des Pyrénées-Atlantiques", "les Pyrénées-Atlantiques",
     "Université de Pau et des Pays de l'Adour")
dept("d53", "53", "Mayenne", "LB", "le Département de la Mayenne",
     "la Mayenne")

# Régions
region("r53", "53", "Bretagne", "LB", "la Région Bretagne", "la Bretagne",
       "Université de Rennes")
region("r84", "84", "Auvergne-Rhône-Alpes", "RMC",
       "la Région Auvergne-Rhône-Alpes", "l'Auvergne-Rhône-Alpes",
       "Université Grenoble Alpes")
region("r32", "32", "Hauts-de-France", "AP", "la Région Hauts-de-France",
       "les Hauts-de-France", "Université de Lille")
region("r11", "11", "Île-de-France", "SN", "la Région Île-de-France",
       "l'Île-de-France", "Université Paris Cité")
region("r75", "75", "Nouvelle-Aquitaine", "AG",
       "la Région Nouvelle-Aquitaine", "la Nouvelle-Aquitaine",
       "Université de Bordeaux")
region("r76", "76", "Occitanie", "AG", "la Région Occitanie", "l'Occitanie",
       "Université de Montpellier")
region("r44", "44", "Grand Est", "RM", "la Région Grand Est", "le Grand Est",
       "Université de Strasbourg")
region("r27", "27", "Bourgogne-Franche-Comté", "RMC",
       "la Région Bourgogne-Franche-Comté", "la Bourgogne-Franche-Comté",
       "Université de Bourgogne")
region("r24", "24", "Centre-Val de Loire", "LB",
       "la Région Centre-Val de Loire", "le Centre-Val de Loire",
       "Université de Tours")
region("r28", "28", "Normandie", "SN", "la Région Normandie", "la Normandie",
       "Université de Caen Normandie")
region("r93", "93", "Provence-Alpes-Côte d'Azur", "RMC",
       "la Région Provence-Alpes-Côte d'Azur", "la région Sud",
       "Aix-Marseille Université")
region("r04", "04", "La Réunion", "REU", "la Région Réunion", "La Réunion",
       "Université de La Réunion")

# ---------------------------------------------------------------------------
# Partner countries. cat: ldc (least developed), oda (other ODA-eligible),
# other. cur: the local currency a partner authority may pay in.
COUNTRIES = {
    "SN": dict(fr="Sénégal", en="Senegal", en_pays="au Sénégal", cat="ldc",
               cur="XOF", univ=["Université Gaston Berger",
                                "Université Cheikh Anta Diop"]),
    "BF": dict(fr="Burkina Faso", en="Burkina Faso", en_pays="au Burkina Faso",
               cat="ldc", cur="XOF",
               univ=["Université Joseph Ki-Zerbo", "Université Nazi Boni"]),
    "ML": dict(fr="Mali", en="Mali", en_pays="au Mali", cat="ldc", cur="XOF",
               univ=["Université des sciences, des techniques et des "
                     "technologies de Bamako"]),
    "NE": dict(fr="Niger", en="Niger", en_pays="au Niger", cat="ldc",
               cur="XOF", univ=["Université Abdou Moumouni"]),
    "TG": dict(fr="Togo", en="Togo", en_pays="au Togo", cat="ldc", cur="XOF",
               univ=["Université de Lomé", "Université de Kara"]),
    "BJ": dict(fr="Bénin", en="Benin", en_pays="au Bénin", cat="ldc",
               cur="XOF", univ=["Université d'Abomey-Calavi",
                                "Université de Parakou"]),
    "CI": dict(fr="Côte d'Ivoire", en="Côte d'Ivoire",
               en_pays="en Côte d'Ivoire", cat="oda", cur="XOF",
               univ=["Université Alassane Ouattara"]),
    "CM": dict(fr="Cameroun", en="Cameroon", en_pays="au Cameroun",
               cat="oda", cur="XAF",
               univ=["Université de Dschang", "Université de Douala"]),
    "MG": dict(fr="Madagascar", en="Madagascar", en_pays="à Madagascar",
               cat="ldc", cur=None, univ=["Université d'Antananarivo",
                                          "Université de Mahajanga"]),
    "MA": dict(fr="Maroc", en="Morocco", en_pays="au Maroc", cat="oda",
               cur="MAD", univ=["Université Cadi Ayyad",
                                "Université Sidi Mohamed Ben Abdellah"]),
    "TN": dict(fr="Tunisie", en="Tunisia", en_pays="en Tunisie", cat="oda",
               cur="TND", univ=["Université de Sfax", "Université de Kairouan"]),
    "MR": dict(fr="Mauritanie", en="Mauritania", en_pays="en Mauritanie",
               cat="ldc", cur=None, univ=["Université de Nouakchott"]),
    "KM": dict(fr="Comores", en="Comoros", en_pays="aux Comores", cat="ldc",
               cur="KMF", univ=["Université des Comores"]),
    "LB": dict(fr="Liban", en="Lebanon", en_pays="au Liban", cat="oda",
               cur="USD", univ=["Université libanaise"]),
    "PS": dict(fr="Palestine", en="Palestine", en_pays="en Palestine",
               cat="oda", cur="USD", univ=["Université An-Najah"]),
    "UA": dict(fr="Ukraine", en="Ukraine", en_pays="en Ukraine", cat="oda",
               cur=None, univ=["Université nationale de Kharkiv"]),
    "MD": dict(fr="Moldavie", en="Moldova", en_pays="en Moldavie", cat="oda",
               cur=None, univ=["Université d'État de Moldavie"]),
    "AM": dict(fr="Arménie", en="Armenia", en_pays="en Arménie", cat="oda",
               cur=None, univ=["Université française en Arménie"]),
    "RO": dict(fr="Roumanie", en="Romania", en_pays="en Roumanie",
               cat="other", cur=None, univ=["Université Babeș-Bolyai"]),
    "PL": dict(fr="Pologne", en="Poland", en_pays="en Pologne", cat="other",
               cur=None, univ=["Université de Silésie"]),
    "VN": dict(fr="Vietnam", en="Vietnam", en_pays="au Vietnam", cat="oda",
               cur=None, univ=["Université de Hué", "Université de Danang"]),
    "KH": dict(fr="Cambodge", en="Cambodia", en_pays="au Cambodge", cat="ldc",
               cur="USD", univ=["Université royale de Phnom Penh"]),
    "LA": dict(fr="Laos", en="Laos", en_pays="au Laos", cat="ldc", cur=None,
               univ=["Université nationale du Laos"]),
    "IN": dict(fr="Inde", en="India", en_pays="en Inde", cat="oda", cur=None,
               univ=["Université de Pondichéry"]),
    "HT": dict(fr="Haïti", en="Haiti", en_pays="en Haïti", cat="ldc",
               cur="USD", univ=["Université d'État d'Haïti"]),
    "CL": dict(fr="Chili", en="Chile", en_pays="au Chili", cat="other",
               cur=None, univ=["Université de Valparaíso"]),
    "BR": dict(fr="Brésil", en="Brazil", en_pays="au Brésil", cat="oda",
               cur=None, univ=["Université fédérale de Pernambouc"]),
    "CU": dict(fr="Cuba", en="Cuba", en_pays="à Cuba", cat="oda", cur=None,
               univ=["Université de La Havane"]),
    "DE": dict(fr="Allemagne", en="Germany", en_pays="en Allemagne",
               cat="other", cur=None, univ=[]),
    "JP": dict(fr="Japon", en="Japan", en_pays="au Japon", cat="other",
               cur=None, univ=["Université du Tohoku"]),
    "CA": dict(fr="Canada", en="Canada", en_pays="au Canada", cat="other",
               cur="CAD", univ=["Université de Montréal", "Université Laval"]),
    "US": dict(fr="États-Unis", en="United States", en_pays="aux États-Unis",
               cat="other", cur="USD", univ=[]),
}
COUNTRY_ORDER = ["SN", "BF", "ML", "NE", "TG", "BJ", "CI", "CM", "MG", "MA",
                 "TN", "MR", "KM", "LB", "PS", "UA", "MD", "AM", "RO", "PL",
                 "VN", "KH", "LA", "IN", "HT", "CL", "BR", "CU", "DE", "JP",
                 "CA", "US"]
RICH = {"DE", "JP", "CA", "US"}
EUROPE = {"RO", "PL"}
SAHEL_SUSPENDED = {"ML", "NE", "BF"}
# Cities (not villages) among the partners: no "villages of ..." there.
BIG = {"Ouagadougou", "Porto-Novo", "Bamako", "Beyrouth", "Kyiv", "Kharkiv",
       "Odessa", "Hô Chi Minh-Ville", "Hanoï", "Casablanca", "Marrakech",
       "Fès", "Sfax", "Tripoli", "Erevan", "Douala", "Saint-Louis",
       "Bouaké", "Haïphong", "Meknès", "Phnom Penh", "Naplouse", "Sendai",
       "Yokohama", "Montréal", "Québec", "Los Angeles", "Louisville",
       "Phoenix", "Erlangen", "Sarrebruck", "Cologne", "Sibiu",
       "Cluj-Napoca", "Valparaíso", "Recife", "Porto Alegre", "Da Nang",
       "Toamasina", "Antananarivo", "Mahajanga", "Moroni", "Tyr", "Saïda",
       "Zahlé", "Rufisque", "Thiès", "Parakou", "Ziguinchor", "Kaolack",
       "Tahoua", "Dapaong", "Atakpamé", "Dschang", "Bangalore",
       "Pondichéry", "Bobo-Dioulasso"}
# Regions and provinces: their main town, used as the project's place.
CAPITAL = {
    "Région Atsinanana": "Toamasina",
    "Région Boeny": "Mahajanga",
    "Région de Nouakchott": "Nouakchott",
    "Région Souss-Massa": "Agadir",
    "Province de Lào Cai": "Lào Cai",
    "Province de Thừa Thiên Huế": "Huế",
    "Province de Luang Prabang": "Luang Prabang",
    "Voïvodie de Silésie": "Katowice",
    "Oblast de Tchernihiv": "Tchernihiv",
}

# ---------------------------------------------------------------------------
# Project templates. themes: fixed themes (first = main); extra: themes that
# may be added; cad/odd: alternatives; where: dev (partner in a developing
# country) and/or rich (twinnings in Europe, Japan, North America).
# Placeholders: {p} partner (or place), {de_p} {a_p} {la_p}, {fr} label of the
# French authority, {fr_city}, {de_fr}, {pays}, {en_pays}, {n} 3-8, {m}
# 8-25, {k} a number of inhabitants, {ks} a smaller number of people, {y}
# start year.
T = []


def tpl(tid, themes, fr, en, desc, den, cad, odd, benef="", extra=(),
        where=("dev",), size=None, water=None, rural=False, actors=(),
        lead=(), explicit=False, only=()):
    """explicit: only used when a partnership names it; only: countries."""
    T.append(dict(id=tid, themes=list(themes), fr=fr, en=en, desc=desc,
                  den=den, cad=cad, odd=odd, benef=benef, extra=list(extra),
                  where=set(where), size=size, water=water, rural=rural,
                  actors=list(actors), lead=set(lead), explicit=explicit,
                  only=set(only)))


# --- water and sanitation
tpl("eau-forages", [EAU],
    ["Accès à l'eau potable dans les villages {de_p}",
     "Forages et points d'eau potable pour les villages {de_p}"],
    ["Access to drinking water in the villages of {p}",
     "Boreholes and safe water points for the villages of {p}"],
    ["Réalisation de {n} forages équipés de pompes à motricité humaine et "
     "réhabilitation de puits dans les villages {de_p}.",
     "Construction de {n} forages et de points d'eau protégés dans les "
     "villages les plus éloignés {de_p}, choisis avec les chefs de village."],
    "Drilling of boreholes with hand pumps and rehabilitation of wells in the "
    "villages of {p}.",
    [["14031"], ["14031:80", "14081:20"]], [["6", "6.1"], ["6.1", "6.b"]],
    "{k} habitants de {m} villages", extra=[SANTE, EGAL], water="eau",
    rural=True, actors=["asso_fr", "usagers"])
tpl("eau-reseau", [EAU], "Extension du réseau d'eau potable {de_p}",
    "Extension of the drinking water network of {p}",
    ["Extension de {m} km de réseau, construction d'un château d'eau et de "
     "{n} bornes-fontaines dans les quartiers périphériques {de_p}.",
     "Pose de {m} km de canalisations et de {n} bornes-fontaines pour "
     "desservir les quartiers qui dépendent encore des porteurs d'eau."],
    "Extension of the piped network and new standpipes in the outlying "
    "districts of {p}.",
    [["14021"], ["14021:70", "14010:30"]], [["6.1"], ["6.1", "3.9"]],
    "{k} habitants des quartiers périphériques", extra=[GOUV], water="eau",
    size="typical", actors=["company_fr", "asso_fr"])
tpl("eau-ecoles", [EAU, SANTE], "Eau, assainissement et hygiène dans les "
    "écoles {de_p}", "Water, sanitation and hygiene in the schools of {p}",
    ["Construction de blocs sanitaires séparés pour les filles et les "
     "garçons et de points de lavage des mains dans {n} écoles {de_p}.",
     "Raccordement de {n} écoles à l'eau potable, latrines scolaires et "
     "clubs d'hygiène animés par les enseignants."],
    "Separate latrines for girls and boys, handwashing points and hygiene "
    "clubs in schools of {p}.",
    [["14032"], ["14032:70", "12261:30"]], [["6.2", "3.3"], ["6.1", "6.2"]],
    "{ks} élèves et leurs enseignants", extra=[EDU, EGAL],
    water="assainissement", actors=["asso_fr"])
tpl("eau-sda", [EAU], "Schéma directeur d'assainissement {de_p}",
    "Sanitation master plan for {p}",
    ["Élaboration avec les services techniques municipaux du schéma "
     "directeur d'assainissement liquide {de_p} et d'un programme "
     "d'investissements prioritaires.",
     "Diagnostic de l'assainissement individuel et collectif {de_p} et "
     "définition d'une filière de vidange et de traitement des boues."],
    "Liquid sanitation master plan and priority investment programme for "
    "{p}.",
    [["14022:60", "14010:40"], ["14022"]], [["6.2", "6.3"], ["6.3"]],
    "{k} habitants", extra=[GOUV], water="assainissement", size="typical",
    actors=["company_fr", "univ_fr"])
tpl("eau-boues", [EAU], "Latrines familiales et gestion des boues de "
    "vidange {de_p}", "Household latrines and faecal sludge management in "
    "{p}",
    ["Subvention de {m}0 latrines familiales, formation de maçons et "
     "création d'une station de traitement des boues de vidange {de_p}.",
     "Accompagnement des artisans vidangeurs et construction d'une aire de "
     "dépotage et de séchage des boues de vidange."],
    "Household latrines, trained masons and a faecal sludge treatment "
    "site in {p}.",
    [["14032"], ["14032:60", "14022:40"]], [["6.2"], ["6.2", "3.9"]],
    "{k} habitants", extra=[SANTE], water="assainissement", rural=True,
    actors=["usagers", "asso_fr"])
tpl("eau-gire", [EAU],
    ["Gestion concertée de la ressource en eau autour {de_p}",
     "Protection des captages et suivi des nappes {a_p}",
     "Comité local de l'eau et partage de la ressource {a_p}"],
    ["Joint water resource management around {p}",
     "Protecting catchments and monitoring groundwater in {p}",
     "A local water committee and water sharing in {p}"],
    ["Suivi des nappes, protection des zones de captage et création d'un "
     "comité local de l'eau réunissant usagers agricoles et domestiques "
     "autour {de_p}.",
     "Inventaire des points d'eau, réseau de suivi piézométrique et "
     "règles de partage de l'eau entre éleveurs, maraîchers et habitants."],
    "Groundwater monitoring, protection of catchment areas and a local "
    "water committee around {p}.",
    [["14015"], ["14015:50", "14040:50"]], [["6.4", "6.5"], ["6.5", "6.b"]],
    "Usagers de l'eau de {m} villages", extra=[ADAPT, AGRI], water="eau",
    actors=["univ_fr", "usagers"])
tpl("eau-solaire", [EAU, ENER], "Pompage solaire et réhabilitation de "
    "l'adduction d'eau {de_p}", "Solar pumping and rehabilitation of the "
    "water supply of {p}",
    ["Remplacement des groupes électrogènes par un pompage solaire, "
     "réhabilitation du château d'eau et extension du réseau {de_p}.",
     "Installation d'un champ photovoltaïque pour le pompage et formation "
     "de l'exploitant au suivi du service."],
    "Solar pumping replaces diesel generators on the water system of {p}.",
    [["14021:75", "23231:25"]], [["6.1", "7.2"], ["6.1", "7.2", "13.2"]],
    "{k} habitants", water="eau", actors=["company_fr", "usagers"])
tpl("eau-service", [EAU, GOUV], "Renforcement du service public de l'eau "
    "{de_p}", "Strengthening the public water service of {p}",
    ["Appui à {la_p} pour organiser la délégation du service de l'eau : "
     "contrats avec les exploitants, suivi des recettes et tarif social.",
     "Formation du service technique municipal au suivi des exploitants "
     "privés des réseaux d'eau et à la planification des investissements."],
    "Support to the municipality in organising and monitoring its water "
    "service.",
    [["14010"], ["14010:60", "15112:40"]], [["6.b", "16.6"], ["6.1", "6.b"]],
    "{k} habitants desservis", water="eau", actors=["public_fr"])

# --- local governance
tpl("gouv-etatcivil", [GOUV], "Modernisation de l'état civil {de_p}",
    "Modernising civil registration in {p}",
    ["Informatisation des registres d'état civil, formation des agents et "
     "campagnes d'enregistrement des naissances dans les quartiers et "
     "villages {de_p}.",
     "Numérisation des registres anciens, équipement des centres "
     "secondaires d'état civil et audiences foraines pour les enfants non "
     "déclarés."],
    "Computerised civil registers, trained staff and birth registration "
    "campaigns in {p}.",
    [["15185:60", "13096:40"], ["15185"]], [["16.9"], ["16.9", "17.18"]],
    "Habitants {de_p}, en priorité les enfants non déclarés", extra=[NUM],
    actors=["public_fr"])
tpl("gouv-fiscalite", [GOUV], "Mobilisation des ressources fiscales "
    "locales {de_p}", "Mobilising local revenue in {p}",
    ["Recensement des contribuables, adressage des rues et logiciel de "
     "gestion des recettes municipales {de_p}.",
     "Appui au service des finances {de_p} pour élargir l'assiette de la "
     "fiscalité locale et améliorer le recouvrement des taxes de marché."],
    "Taxpayer census, street addressing and revenue software for the "
    "municipality of {p}.",
    [["15114:50", "15116:50"], ["15114"]], [["17.1", "16.6"], ["17.1"]],
    "Services municipaux et habitants {de_p}", actors=["public_fr"])
tpl("gouv-mo", [GOUV], "Appui à la maîtrise d'ouvrage communale {de_p}",
    "Support to municipal project ownership in {p}",
    ["Formation des élus et des agents {de_p} à la programmation des "
     "investissements et aux procédures de marchés publics.",
     "Accompagnement de {la_p} dans la préparation, la passation et le "
     "suivi de ses chantiers d'équipements publics."],
    "Training of councillors and staff in investment planning and public "
    "procurement.",
    [["15112:70", "15125:30"], ["15112"]], [["16.6", "16.7"], ["16.6"]],
    "Élus et agents municipaux {de_p}", extra=[FPRO], actors=["public_fr"])
tpl("gouv-urba", [GOUV], "Plan d'urbanisme et cartographie {de_p}",
    "Urban plan and mapping of {p}",
    ["Élaboration du plan directeur d'urbanisme {de_p} avec l'agence "
     "d'urbanisme partenaire et création d'un système d'information "
     "géographique municipal.",
     "Relevés cartographiques, concertation avec les chefs de quartier et "
     "règlement d'urbanisme pour maîtriser l'extension de la ville."],
    "Urban master plan and municipal GIS for {p}.",
    [["43031"], ["43031:70", "43030:30"]], [["11.3"], ["11.3", "11.a"]],
    "{k} habitants", extra=[NUM, ADAPT], size="typical",
    actors=["urba_fr"])
tpl("gouv-echanges", [GOUV], "Échanges entre les services municipaux {de_fr} "
    "et {de_p}", "Exchanges between the municipal services of {fr_city_en} "
    "and {p}",
    ["Missions croisées d'agents {de_fr} et {de_p} sur la gestion des "
     "services urbains, la propreté et l'accueil des usagers.",
     "Accueil de cadres municipaux {de_p} dans les services {de_fr} et "
     "missions d'expertise sur l'organisation des services techniques."],
    "Staff exchanges between the two municipalities on urban services.",
    [["15185"]], [["17.16", "16.6"], ["16.6"]],
    "Agents municipaux des deux collectivités", extra=[FPRO],
    where=("dev", "rich"), actors=[], lead=("commune", "epci"))
tpl("gouv-pdc", [GOUV], "Plan de développement communal {de_p}",
    "Municipal development plan of {p}",
    ["Élaboration concertée du plan de développement communal {de_p} et "
     "cofinancement des premiers investissements qu'il prévoit.",
     "Diagnostic territorial, assemblées villageoises et fonds "
     "d'investissement pour les projets prioritaires retenus."],
    "Participatory municipal development plan and first investments in {p}.",
    [["15112"], ["15112:60", "43041:40"]], [["16.7", "11.a"], ["16.7"]],
    "{k} habitants de la commune", extra=[AGRI, EGAL], rural=True,
    actors=["asso_fr"])
tpl("gouv-recons", [GOUV, URG], "Appui à la reconstruction des services "
    "municipaux {de_p}", "Support to rebuilding the municipal services of {p}",
    ["Remise en état de bâtiments municipaux endommagés, fourniture "
     "d'équipements et appui à la planification de la reconstruction.",
     "Expertise des services {de_fr} pour les réseaux, le logement "
     "provisoire et la planification urbaine de la reconstruction."],
    "Repair of municipal buildings and support to reconstruction planning.",
    [["73010:60", "15185:40"], ["73010"]], [["11.5", "16.6"], ["11.5"]],
    "Habitants et services municipaux {de_p}", size="typical",
    actors=["public_fr"], explicit=True)

# --- education
tpl("edu-classes", [EDU], "Construction et équipement de salles de classe "
    "{a_p}", "Building and equipping classrooms in {p}",
    ["Construction de {n} salles de classe en matériaux locaux et "
     "équipement en tables-bancs des écoles primaires {de_p}.",
     "Réhabilitation de {n} écoles primaires, fourniture de manuels et "
     "création de latrines scolaires."],
    "New classrooms, desks and textbooks for primary schools in {p}.",
    [["11220"], ["11220:70", "11120:30"]], [["4.1", "4.a"], ["4.a"]],
    "{ks} élèves", extra=[EGAL, GOUV], actors=["asso_fr", "company_fr"])
tpl("edu-enseignants", [EDU],
    ["Formation continue des enseignants {de_p}",
     "Lecture et calcul : formation des maîtres des écoles {de_p}"],
    ["In-service teacher training in {p}",
     "Reading and arithmetic: training primary teachers in {p}"],
    ["Sessions de formation pédagogique pour les enseignants du primaire "
     "{de_p}, animées avec des conseillers pédagogiques français.",
     "Formation des directeurs d'école et des enseignants à la lecture et "
     "aux mathématiques, et dotation en matériel pédagogique."],
    "Teacher training in reading and mathematics for primary schools.",
    [["11130"]], [["4.c"], ["4.1", "4.c"]],
    "{m}0 enseignants et leurs élèves", extra=[FRANCO],
    where=("dev",), actors=["univ_fr"])
tpl("edu-cantines", [EDU, AGRI], "Cantines scolaires approvisionnées par les "
    "producteurs {de_p}", "School canteens supplied by local farmers in {p}",
    ["Ouverture de cantines dans {n} écoles {de_p}, approvisionnées par les "
     "groupements de producteurs de la commune.",
     "Équipement des cuisines scolaires et contrats d'achat avec les "
     "maraîchères locales pour servir un repas par jour aux élèves."],
    "School meals bought from local producers in {p}.",
    [["11250"]], [["4.1", "2.1"], ["2.1"]], "{ks} élèves",
    rural=True, actors=["asso_fr", "femmes"])
tpl("edu-alpha", [EDU, EGAL], "Alphabétisation des femmes {de_p}",
    "Literacy for women in {p}",
    ["Centres d'alphabétisation fonctionnelle en langue nationale et en "
     "français pour les femmes membres des groupements {de_p}.",
     "Cours du soir d'alphabétisation et de calcul pour les femmes, "
     "couplés à une formation à la gestion des activités génératrices de "
     "revenus."],
    "Functional literacy classes for women's groups.",
    [["11230:70", "15170:30"], ["11230"]], [["4.6", "5.5"], ["4.6"]],
    "{ks} femmes", actors=["femmes"])
tpl("edu-lecture", [EDU, FRANCO], "Bibliothèques scolaires et lecture "
    "publique {a_p}", "School libraries and public reading in {p}",
    ["Création de {n} bibliothèques scolaires, formation de bibliothécaires "
     "et envoi de livres collectés auprès des écoles {de_fr}.",
     "Ouverture d'un centre de lecture et d'animation culturelle et "
     "circulation d'une malle de livres entre les écoles {de_p}."],
    "School libraries and a reading centre in {p}.",
    [["11120"]], [["4.6", "4.7"], ["4.6"]], "{ks} élèves",
    actors=["asso_fr"])
tpl("edu-petite-enfance", [EDU], "Éducation de la petite enfance {a_p}",
    "Early childhood education in {p}",
    ["Construction et équipement de {n} classes maternelles communautaires "
     "et formation de leurs animatrices {a_p}."],
    "Community pre-school classes and trained caregivers.",
    [["11240"]], [["4.2"]], "{ks} enfants de 3 à 6 ans", extra=[EGAL],
    actors=["asso_fr"])

# --- health
tpl("sante-csps", [SANTE], "Équipement du centre de santé {de_p}",
    "Equipping the health centre of {p}",
    ["Réhabilitation du centre de santé {de_p}, fourniture de matériel "
     "médical et formation des sages-femmes et des infirmiers.",
     "Construction d'une maternité rurale, dotation en équipements et "
     "mise en place d'un système de référence vers l'hôpital de district."],
    "Refurbished health centre, medical equipment and trained midwives.",
    [["12230"], ["12230:60", "12220:40"]], [["3.1", "3.8"], ["3.8"]],
    "{k} habitants de l'aire de santé", extra=[EGAL, ENER], rural=True,
    actors=["hopital_fr", "asso_fr"])
tpl("sante-mere", [SANTE], "Santé maternelle et infantile {a_p}",
    "Maternal and child health in {p}",
    ["Consultations prénatales, suivi nutritionnel des enfants de moins de "
     "cinq ans et formation des agents de santé communautaires {de_p}.",
     "Sensibilisation des familles, équipement des maternités et "
     "formation des accoucheuses {de_p}."],
    "Antenatal care, child nutrition monitoring and community health "
    "workers.",
    [["12220"], ["12220:70", "12240:30"]], [["3.1", "3.2"], ["3.2"]],
    "{ks} femmes et enfants", extra=[EGAL, GOUV], actors=["hopital_fr"])
tpl("sante-palu", [SANTE], "Lutte contre le paludisme dans les quartiers "
    "{de_p}", "Fighting malaria in the districts of {p}",
    ["Distribution de moustiquaires, assainissement des eaux stagnantes et "
     "formation de relais communautaires dans les quartiers {de_p}."],
    "Bed nets, drainage of stagnant water and community health relays.",
    [["12262"]], [["3.3"]], "{k} habitants", extra=[EAU],
    actors=["asso_fr"])
tpl("sante-hopital", [SANTE], "Coopération hospitalière avec l'hôpital "
    "{de_p}", "Hospital cooperation with the hospital of {p}",
    ["Missions croisées de médecins et de soignants, formation aux urgences "
     "et à la maintenance biomédicale, don d'équipements.",
     "Accueil de soignants {de_p} en stage dans les services hospitaliers "
     "{de_fr} et missions de formation sur place."],
    "Exchanges of doctors and nurses, training in emergency care and "
    "biomedical maintenance.",
    [["12191:60", "12281:40"], ["12191"]], [["3.8", "3.c"], ["3.c"]],
    "Personnels et patients de l'hôpital", where=("dev",),
    actors=["hopital_fr"])
tpl("sante-mentale", [SANTE], "Santé mentale et soutien psychosocial {a_p}",
    "Mental health and psychosocial support in {p}",
    ["Formation de psychologues et de travailleurs sociaux au soutien "
     "psychosocial des familles touchées par le conflit.",
     "Ouverture d'un lieu d'écoute et formation des équipes municipales à "
     "l'accompagnement des enfants et des personnes déplacées."],
    "Psychosocial support for families and children affected by conflict.",
    [["12340"]], [["3.4"]], "{ks} personnes, dont des enfants déplacés",
    extra=[URG], actors=["hopital_fr"], explicit=True)
tpl("sante-nutrition", [SANTE, AGRI], "Nutrition des jeunes enfants {a_p}",
    "Nutrition of young children in {p}",
    ["Dépistage de la malnutrition, jardins nutritionnels et farines "
     "enrichies produites par les groupements de femmes {de_p}."],
    "Malnutrition screening, nutrition gardens and fortified flours.",
    [["12240"]], [["2.2", "3.2"], ["2.2"]], "{ks} enfants de moins de "
    "cinq ans", rural=True, actors=["femmes"])

# --- agriculture and food security
tpl("agri-maraichage", [AGRI], "Maraîchage agroécologique autour {de_p}",
    "Agroecological market gardening around {p}",
    ["Aménagement de {n} périmètres maraîchers irrigués, formation aux "
     "techniques agroécologiques et appui à la commercialisation.",
     "Création de jardins maraîchers clôturés, puits équipés et "
     "formation des productrices au compostage et aux semences locales."],
    "Irrigated market gardens and agroecology training for women's groups.",
    [["31161:60", "31140:40"], ["31161"]], [["2.3", "2.4"], ["2.4"]],
    "{m} groupements de productrices et producteurs", extra=[EGAL, ADAPT],
    rural=True, actors=["femmes", "asso_fr"])
tpl("agri-coop", [AGRI],
    ["Appui aux coopératives agricoles {de_p}",
     "Magasins de stockage et vente groupée pour les coopératives {de_p}"],
    ["Support to farmers' cooperatives in {p}",
     "Storage and joint marketing for the cooperatives of {p}"],
    ["Formation des responsables de {m} coopératives à la gestion, "
     "construction d'un magasin de stockage et fonds de roulement.",
     "Accompagnement des coopératives pour l'achat groupé d'intrants et la "
     "vente collective de la production."],
    "Management training, storage and working capital for cooperatives.",
    [["31194"], ["31194:60", "31191:40"]], [["2.3"], ["2.3", "12.3"]],
    "{m} coopératives, {ks} membres", extra=[ECO], rural=True,
    actors=["producteurs"])
tpl("agri-cereales", [AGRI], "Sécurité alimentaire et banques de céréales "
    "{de_p}", "Food security and cereal banks in {p}",
    ["Construction de {n} banques de céréales villageoises et formation de "
     "leurs comités de gestion pour faire face à la soudure.",
     "Stocks de sécurité alimentaire, semences améliorées et suivi de la "
     "situation alimentaire des ménages vulnérables."],
    "Village cereal banks to help households through the lean season.",
    [["43072"], ["43072:60", "31161:40"]], [["2.1"], ["2.1", "2.4"]],
    "{ks} ménages", extra=[ADAPT], rural=True, actors=["producteurs"])
tpl("agri-elevage", [AGRI], "Santé animale et filière lait {de_p}",
    "Animal health and the dairy chain in {p}",
    ["Formation d'auxiliaires d'élevage, campagnes de vaccination et "
     "installation d'une mini-laiterie gérée par une coopérative."],
    "Livestock auxiliaries, vaccination campaigns and a small dairy.",
    [["31195:50", "31163:50"], ["31163"]], [["2.3"]], "{ks} éleveurs",
    rural=True, actors=["producteurs", "univ_fr"])
tpl("agri-transfo", [AGRI], "Transformation des produits agricoles locaux "
    "{a_p}", "Processing local farm produce in {p}",
    ["Équipement d'une unité de transformation des céréales et des fruits "
     "et formation aux règles d'hygiène et de conditionnement.",
     "Réduction des pertes après récolte grâce à des séchoirs solaires et "
     "à des magasins de stockage adaptés."],
    "Processing unit and solar dryers to reduce post-harvest losses.",
    [["32161"], ["32161:60", "31194:40"]], [["12.3", "2.3"], ["12.3"]],
    "{m} groupements de femmes", extra=[EGAL, ECO], actors=["femmes"])
tpl("agri-pat", [AGRI], "Système alimentaire territorial {de_p}",
    "Local food system of {p}",
    ["Échanges avec le projet alimentaire territorial {de_fr} : marchés de "
     "producteurs, restauration collective et circuits courts.",
     "Diagnostic des flux alimentaires {de_p} et appui à un marché de "
     "producteurs locaux."],
    "Exchanges on local food systems, farmers' markets and school "
    "catering.",
    [["43071"]], [["2.4", "12.3"], ["2.4"]], "Producteurs et habitants "
    "{de_p}", where=("dev", "rich"), actors=["univ_fr"])
tpl("agri-vigne", [AGRI, ECO], "Appui à la filière viticole {de_p}",
    "Support to the wine sector in {p}",
    ["Formation de vignerons et de techniciens, échanges avec les "
     "lycées viticoles et promotion des vins locaux."],
    "Training of winegrowers and promotion of local wines.",
    [["31161:60", "31181:40"], ["31181"]], [["2.3", "8.2"], ["8.2"]],
    "{m}0 exploitations viticoles", where=("dev", "rich"),
    actors=["lycee_fr"], explicit=True)

# --- local economic development
tpl("eco-jeunes", [ECO], "Entrepreneuriat des jeunes {a_p}",
    "Youth entrepreneurship in {p}",
    ["Incubateur municipal, formation à la création d'entreprise et prêts "
     "d'honneur pour les jeunes porteurs de projets {de_p}.",
     "Accompagnement de {m} jeunes entrepreneurs et mise en réseau avec des "
     "entreprises {de_fr}."],
    "Municipal incubator and start-up loans for young entrepreneurs.",
    [["32130:60", "16020:40"], ["32130"]], [["8.3", "8.6"], ["8.6"]],
    "{m}0 jeunes", extra=[JEUN, GOUV], actors=["asso_fr"])
tpl("eco-tourisme", [ECO, CULT], "Tourisme durable et valorisation du "
    "patrimoine {de_p}", "Sustainable tourism and heritage in {p}",
    ["Création d'un office de tourisme, formation de guides et balisage de "
     "circuits de découverte du patrimoine {de_p}.",
     "Promotion d'une offre de tourisme solidaire et formation des "
     "hébergeurs et des guides locaux."],
    "Tourist office, trained guides and heritage trails in {p}.",
    [["33210:60", "16066:40"], ["33210"]], [["8.9", "11.4"], ["8.9"]],
    "Acteurs du tourisme et habitants {de_p}", where=("dev",),
    actors=["asso_fr"])
tpl("eco-artisanat", [ECO], "Structuration de la filière artisanale {de_p}",
    "Organising the craft sector in {p}",
    ["Formation des artisans, création d'une maison de l'artisanat et "
     "participation à des salons en France.",
     "Appui aux organisations d'artisans pour la qualité, la vente "
     "collective et l'accès au crédit."],
    "Training, a crafts centre and access to markets for artisans.",
    [["32140"]], [["8.3"], ["8.3", "8.9"]], "{m}0 artisans",
    actors=["asso_fr"])
tpl("eco-marche", [ECO, GOUV], "Réhabilitation du marché central {de_p}",
    "Rehabilitation of the central market of {p}",
    ["Réaménagement du marché central, gestion des déchets et "
     "mise en place d'une régie des recettes du marché.",
     "Construction de hangars, d'étals et de sanitaires, et organisation "
     "de la gestion du marché avec les commerçants."],
    "Refurbished central market with sanitation and revenue management.",
    [["25030:50", "43030:50"], ["43030"]], [["8.3", "11.3"], ["11.3"]],
    "{ks} commerçantes et commerçants", extra=[EGAL], size="typical",
    actors=["company_fr"])
tpl("eco-microfinance", [ECO, EGAL], "Épargne et crédit des groupements de "
    "femmes {de_p}", "Savings and credit for women's groups in {p}",
    ["Création de caisses d'épargne et de crédit villageoises et formation "
     "des femmes à la gestion d'activités génératrices de revenus."],
    "Village savings and credit groups for women.",
    [["24040:70", "15170:30"], ["24040"]], [["8.10", "5.a"], ["5.a"]],
    "{ks} femmes", rural=True, actors=["femmes"])
tpl("eco-ess", [ECO], "Économie sociale et solidaire : échanges entre "
    "{fr_city} et {p}", "Social economy exchanges between {fr_city_en} and "
    "{p}",
    ["Échanges entre structures de l'économie sociale et solidaire des deux "
     "territoires, formation et appui à {n} coopératives d'habitants."],
    "Exchanges between social economy organisations of both territories.",
    [["25030"]], [["8.3", "11.a"], ["8.3"]], "Coopératives et associations",
    where=("dev", "rich"), actors=["asso_fr"])

# --- waste
tpl("dech-precollecte", [DECH], "Pré-collecte et valorisation des déchets "
    "ménagers {a_p}", "Household waste collection and recovery in {p}",
    ["Service de pré-collecte confié à des groupements de jeunes, création "
     "d'un centre de tri et de compostage et sensibilisation des habitants.",
     "Charrettes et tricycles pour la collecte dans {n} quartiers {de_p} et "
     "aménagement d'un point de regroupement contrôlé."],
    "Door-to-door collection by youth groups and a sorting and composting "
    "centre.",
    [["14050"]], [["11.6"], ["11.6", "12.5"]], "{k} habitants",
    extra=[JEUN, ECO, GOUV], actors=["asso_fr", "company_fr"])
tpl("dech-decharge", [DECH],
    ["Résorption de la décharge sauvage {de_p}",
     "Fermeture de la décharge et centre de stockage contrôlé {de_p}"],
    ["Closing the uncontrolled dump of {p}",
     "Closing the dump and a controlled landfill for {p}"],
    ["Fermeture de la décharge sauvage, aménagement d'un site de "
     "stockage contrôlé et reconversion des récupérateurs en coopérative."],
    "Closure of the open dump and a controlled landfill site.",
    [["14050"]], [["11.6", "12.4"], ["11.6"]], "{k} habitants",
    size="typical", extra=[ENV], actors=["company_fr"])
tpl("dech-plan", [DECH, GOUV], "Plan de gestion des déchets {de_p}",
    "Municipal waste management plan of {p}",
    ["Élaboration du plan de gestion des déchets avec les services {de_fr}, "
     "organisation de la collecte et recouvrement de la redevance.",
     "Appui au service de propreté urbaine {de_p} : itinéraires de "
     "collecte, suivi des tonnages et financement du service."],
    "Waste management plan, collection rounds and a waste fee.",
    [["14050:70", "15185:30"], ["14050"]], [["11.6", "16.6"], ["11.6"]],
    "{k} habitants", actors=["public_fr"])
tpl("dech-tri", [DECH], "Tri sélectif et économie circulaire {a_p}",
    "Waste sorting and circular economy in {p}",
    ["Points d'apport volontaire, filières de recyclage des plastiques et "
     "ateliers de réparation animés par des associations locales."],
    "Drop-off points, plastic recycling and repair workshops.",
    [["14050"]], [["12.5"], ["12.5", "11.6"]], "{k} habitants",
    extra=[ATTEN], actors=["asso_fr"])

# --- energy
tpl("ener-solaire", [ENER], "Électrification solaire des écoles et des "
    "centres de santé {de_p}", "Solar power for schools and health centres "
    "in {p}",
    ["Installation de kits photovoltaïques dans {n} écoles et centres de "
     "santé {de_p} et formation de techniciens à leur entretien."],
    "Solar kits for schools and health centres, with trained technicians.",
    [["23231"]], [["7.1", "7.2"], ["7.1"]], "{ks} élèves et patients",
    extra=[SANTE, EDU], rural=True, actors=["company_fr"])
tpl("ener-eclairage", [ENER], "Éclairage public solaire {a_p}",
    "Solar street lighting in {p}",
    ["Pose de {m}0 lampadaires solaires sur les axes principaux et les "
     "places de marché {de_p}, avec un contrat de maintenance local."],
    "Solar street lights on main roads and market places.",
    [["23231:60", "23183:40"], ["23231"]], [["7.2", "7.3"], ["7.2"]],
    "{k} habitants", extra=[ATTEN, GOUV], actors=["company_fr"])
tpl("ener-foyers", [ENER], "Foyers améliorés et cuisson propre {a_p}",
    "Improved cookstoves and clean cooking in {p}",
    ["Formation de femmes artisanes à la fabrication de foyers améliorés "
     "et diffusion de plusieurs centaines de foyers dans les ménages "
     "{de_p}."],
    "Local production and distribution of improved cookstoves.",
    [["32174"]], [["7.1"], ["7.1", "13.2"]], "{ks} ménages",
    extra=[EGAL, ENV], rural=True, actors=["femmes"])
tpl("ener-plan", [ENER], "Planification énergétique territoriale {de_p}",
    "Local energy planning in {p}",
    ["Bilan des consommations d'énergie du patrimoine municipal et plan "
     "d'action pour les énergies renouvelables {de_p}."],
    "Energy audit of municipal buildings and a renewable energy plan.",
    [["23111"], ["23110"]], [["7.3", "13.2"], ["7.2"]],
    "Services municipaux {de_p}", actors=["public_fr"])
tpl("ener-urgence", [ENER, URG], "Rétablissement de l'approvisionnement "
    "énergétique {de_p}", "Restoring energy supply in {p}",
    ["Fourniture de groupes électrogènes et de transformateurs pour les "
     "hôpitaux, les écoles et les stations de pompage {de_p}."],
    "Generators and transformers for hospitals, schools and pumping "
    "stations.",
    [["23631:50", "73010:50"], ["72010"]], [["7.1", "11.5"], ["11.5"]],
    "{k} habitants", size="typical", actors=["public_fr"], explicit=True)

# --- climate, environment, ocean
tpl("adapt-inondations", [ADAPT], "Prévention des inondations dans les "
    "quartiers {de_p}", "Flood prevention in the districts of {p}",
    ["Curage et réhabilitation des caniveaux, cartographie des zones "
     "inondables et plan communal de sauvegarde {de_p}."],
    "Drain rehabilitation, flood mapping and a municipal safeguard plan.",
    [["43060"]], [["13.1", "11.5"], ["11.5"]], "{k} habitants",
    extra=[EAU, GOUV], actors=["public_fr"])
tpl("adapt-erosion", [ADAPT], "Lutte contre l'érosion et la dégradation des "
    "terres autour {de_p}", "Fighting erosion and land degradation around {p}",
    ["Cordons pierreux, demi-lunes et haies vives sur {m}0 hectares de "
     "terres dégradées, réalisés avec les groupements villageois."],
    "Stone bunds, half-moons and hedges on degraded land.",
    [["31130"]], [["13.1", "1.5"], ["13.1"]], "{m} villages",
    extra=[AGRI, ENV], rural=True, actors=["producteurs"])
tpl("adapt-alerte", [ADAPT], "Système d'alerte précoce aux crues {a_p}",
    "Flood early warning system in {p}",
    ["Installation de stations hydrométriques, diffusion des alertes par "
     "SMS et radio communautaire et exercices d'évacuation."],
    "Hydrometric stations, SMS and radio alerts, evacuation drills.",
    [["15143:50", "43060:50"], ["43060"]], [["13.3", "11.b"], ["13.1"]],
    "{k} habitants des zones exposées", actors=["univ_fr"])
tpl("atten-plan", [ATTEN], "Bilan carbone et plan climat {de_p}",
    "Carbon footprint and climate plan of {p}",
    ["Réalisation du bilan des émissions de gaz à effet de serre {de_p} et "
     "élaboration d'un plan climat avec l'expertise des services {de_fr}."],
    "Greenhouse gas inventory and local climate plan.",
    [["23183"]], [["13.2", "13.3"], ["13.2"]], "Services municipaux et "
    "habitants", actors=["public_fr"])
tpl("atten-batiments", [ATTEN], "Efficacité énergétique des bâtiments "
    "publics {de_p}", "Energy efficiency of public buildings in {p}",
    ["Audit énergétique et rénovation de {n} bâtiments municipaux : "
     "isolation, éclairage économe et régulation du chauffage."],
    "Energy retrofitting of municipal buildings.",
    [["23183"]], [["7.3", "13.2"], ["13.2"]], "Usagers des bâtiments "
    "municipaux", extra=[ENER], actors=["company_fr"])
tpl("atten-chaleur", [ATTEN], "Réseaux de chaleur et transition énergétique "
    ": échanges entre {fr_city} et {p}", "District heating and energy "
    "transition: exchanges between {fr_city_en} and {p}",
    ["Visites d'étude et ateliers techniques sur les réseaux de chaleur "
     "alimentés par la biomasse et la récupération de chaleur."],
    "Study visits and workshops on biomass district heating.",
    [["23620"]], [["7.2", "13.2"]], "Techniciens et élus des deux villes",
    where=("rich",), actors=["public_fr"], lead=("commune", "epci"))
tpl("env-reboisement", [ENV], "Reboisement et restauration des terres "
    "autour {de_p}", "Reforestation and land restoration around {p}",
    ["Pépinières villageoises et plantation de {m} 000 arbres, avec des "
     "comités de surveillance des parcelles reboisées."],
    "Village nurseries and tree planting with local monitoring "
    "committees.",
    [["31220"], ["31220:60", "41030:40"]], [["15.2", "15.3"], ["15.3"]],
    "{m} villages", extra=[ADAPT], rural=True, actors=["producteurs"])
tpl("env-zonehumide", [ENV], "Préservation de la zone humide {de_p}",
    "Protecting the wetland of {p}",
    ["Inventaire de la faune et de la flore, plan de gestion de la zone "
     "humide et sensibilisation des riverains."],
    "Biodiversity inventory and a management plan for the wetland.",
    [["41030"]], [["15.1", "6.6"], ["15.1"]], "Riverains de la zone "
    "humide", extra=[EAU], actors=["univ_fr"])
tpl("env-education", [ENV], "Éducation à l'environnement dans les écoles "
    "{de_p}", "Environmental education in schools of {p}",
    ["Jardins pédagogiques, clubs nature et échanges de classes sur la "
     "biodiversité entre écoles {de_fr} et {de_p}."],
    "School gardens, nature clubs and class exchanges on biodiversity.",
    [["41081"]], [["12.8", "15.5"], ["12.8"]], "{ks} élèves",
    where=("dev", "rich"), extra=[ECSI], actors=["asso_fr"])
tpl("ocean-littoral", [OCEAN], "Gestion intégrée de la zone côtière {de_p}",
    "Integrated coastal zone management in {p}",
    ["Suivi du trait de côte, replantation de mangroves et plan de gestion "
     "du littoral {de_p}.",
     "Lutte contre la pollution plastique des plages et des ports, et "
     "sensibilisation des pêcheurs et des écoles."],
    "Coastline monitoring, mangrove planting and a coastal plan.",
    [["41020"]], [["14.2"], ["14.1", "14.2"]], "{k} habitants du littoral",
    extra=[ADAPT], actors=["univ_fr"])
tpl("ocean-peche", [OCEAN], "Appui à la pêche artisanale {de_p}",
    "Support to small-scale fisheries in {p}",
    ["Équipement d'un quai de débarquement, chaîne du froid et formation "
     "des femmes mareyeuses à la transformation du poisson."],
    "Landing quay, cold chain and fish processing for women.",
    [["31320"], ["31320:60", "31391:40"]], [["14.b"], ["14.b", "14.4"]],
    "{ks} pêcheurs et mareyeuses", extra=[EGAL], actors=["asso_fr"])

# --- culture, sport, youth, Francophonie
tpl("cult-patrimoine", [CULT],
    ["Restauration et valorisation du patrimoine bâti {de_p}",
     "Chantier-école de restauration du centre ancien {de_p}"],
    ["Restoring and promoting the built heritage of {p}",
     "Restoration training site in the old town of {p}"],
    ["Inventaire du patrimoine bâti, chantier-école de restauration et "
     "circuit d'interprétation dans le centre ancien {de_p}.",
     "Restauration d'un édifice historique avec des artisans formés aux "
     "techniques traditionnelles."],
    "Heritage inventory, a restoration training site and a heritage trail.",
    [["41040"], ["41040:60", "16066:40"]], [["11.4"], ["11.4", "8.9"]],
    "Habitants et visiteurs {de_p}", extra=[ECO, FPRO],
    actors=["univ_fr", "asso_fr"])
tpl("cult-mediatheque", [CULT],
    ["Médiathèque et lecture publique {a_p}",
     "Ouverture de la médiathèque municipale {de_p}"],
    ["Library and public reading in {p}",
     "Opening the municipal library of {p}"],
    ["Aménagement d'une médiathèque municipale, formation des "
     "bibliothécaires par le réseau de lecture publique {de_fr}."],
    "A municipal library and trained librarians.",
    [["16066"]], [["11.4", "4.7"], ["4.7"]], "{ks} lecteurs",
    extra=[FRANCO, EDU], actors=[])
tpl("cult-festival", [CULT], "Échanges artistiques entre {fr_city} et {p}",
    "Artistic exchanges between {fr_city_en} and {p}",
    ["Résidences croisées d'artistes, concerts et expositions présentés sur "
     "les deux territoires.",
     "Accueil de compagnies et de musiciens {de_p} dans les festivals "
     "{de_fr} et ateliers de création partagés."],
    "Artist residencies, concerts and exhibitions in both cities.",
    [["16061"], ["16066"]], [["11.4"], ["4.7", "8.9"]],
    "Artistes et publics des deux territoires", where=("dev", "rich"),
    extra=[JEUN], actors=["asso_fr"])
tpl("cult-musee", [CULT],
    ["Musée {de_p} : conservation et médiation des collections",
     "Formation de l'équipe du musée municipal {de_p}",
     "Conservation préventive des collections du musée {de_p}"],
    ["Museum of {p}: conservation and outreach",
     "Training the staff of the municipal museum of {p}",
     "Preventive conservation of the collections of the museum of {p}"],
    ["Formation de l'équipe du musée à l'inventaire et à la conservation "
     "préventive, et création d'ateliers pour les scolaires."],
    "Training museum staff in collections care and school activities.",
    [["16066"]], [["11.4", "4.7"], ["11.4"]], "Équipe du musée et "
    "{ks} visiteurs", actors=["public_fr"])
tpl("cult-memoire", [CULT, ECSI], "Mémoire de la traite et de l'esclavage : "
    "coopération entre {fr_city} et {p}", "Memory of the slave trade: "
    "cooperation between {fr_city_en} and {p}",
    ["Travail commun des musées et des écoles des deux territoires sur la "
     "mémoire de la traite, expositions croisées et voyages de jeunes."],
    "Joint museum and school work on the memory of the slave trade.",
    [["16066:70", "99820:30"]], [["11.4", "4.7"]], "Élèves et habitants "
    "des deux territoires", actors=["public_fr", "univ_fr"],
    only=("SN", "BJ", "BR", "HT"))
tpl("sport-equipements", [SPORT], "Sport pour tous : terrains de proximité "
    "{a_p}", "Sport for all: local sports grounds in {p}",
    ["Aménagement de {n} terrains multisports, formation d'éducateurs et "
     "tournois mixtes entre quartiers {de_p}."],
    "Multisport grounds, trained coaches and mixed tournaments.",
    [["16065"]], [["3.4", "4.7"], ["3.4"]], "{ks} jeunes",
    extra=[JEUN, EGAL], actors=["asso_fr"])
tpl("sport-echanges", [SPORT, JEUN], "Échanges sportifs de jeunes entre "
    "{fr_city} et {p}", "Youth sports exchanges between {fr_city_en} and "
    "{p}",
    ["Rencontres sportives de jeunes des clubs des deux territoires, "
     "alternativement en France et chez le partenaire."],
    "Youth sports meetings between clubs of the two towns.",
    [["16065"], ["16065:70", "11231:30"]], [["3.4", "4.7"], ["4.7"]],
    "{m}0 jeunes sportifs", where=("dev", "rich"), actors=["jumelage"])
tpl("jeun-chantiers", [JEUN], "Chantiers de jeunes et volontariat de "
    "réciprocité entre {fr_city} et {p}", "Youth work camps and reciprocal "
    "volunteering between {fr_city_en} and {p}",
    ["Chantiers solidaires de jeunes des deux territoires et accueil de "
     "volontaires {de_p} en service civique.",
     "Accueil réciproque de volontaires et chantier de jeunes pour "
     "rénover un équipement de quartier."],
    "Joint youth work camps and reciprocal civic service volunteers.",
    [["11231"]], [["4.7", "8.6"], ["4.7"]], "{m}0 jeunes des deux "
    "territoires", where=("dev", "rich"), extra=[ECSI],
    actors=["asso_fr"])
tpl("jeun-echanges", [JEUN, FRANCO], "Échanges scolaires et linguistiques "
    "avec {p}", "School and language exchanges with {p}",
    ["Appariements entre collèges et lycées, séjours d'élèves et projets "
     "pédagogiques communs en français et dans la langue du partenaire."],
    "School pairings, pupil exchanges and shared projects.",
    [["11231:60", "11120:40"], ["11231"]], [["4.7"]], "{m}0 élèves",
    where=("dev", "rich"), actors=["lycee_fr", "jumelage"])
tpl("jeun-insertion", [JEUN, FPRO], "Insertion professionnelle des jeunes "
    "{de_p}", "Employment of young people in {p}",
    ["Orientation, stages en entreprise et formations courtes qualifiantes "
     "pour les jeunes sans emploi {de_p}."],
    "Guidance, internships and short vocational courses for young people.",
    [["11231:50", "11330:50"], ["11330"]], [["8.6", "4.4"], ["8.6"]],
    "{m}0 jeunes", actors=["asso_fr"])
tpl("franco-langue", [FRANCO], "Promotion de la langue française {a_p}",
    "Promoting the French language in {p}",
    ["Cours de français pour les agents municipaux et les jeunes, et "
     "soutien à la section bilingue d'un lycée {de_p}."],
    "French courses for municipal staff and young people.",
    [["11120"]], [["4.7"], ["4.6", "17.16"]], "{ks} apprenants",
    where=("dev", "rich"), extra=[EDU], actors=["lycee_fr"])
tpl("franco-bib", [FRANCO], "Réseau de bibliothèques francophones {a_p}",
    "Network of French-language libraries in {p}",
    ["Fonds de livres en français, animations de lecture et formation de "
     "bibliothécaires dans {n} établissements {de_p}."],
    "French books, reading activities and trained librarians.",
    [["16066"]], [["4.7", "17.16"], ["4.7"]], "{ks} lecteurs",
    actors=["asso_fr"])

# --- gender equality
tpl("egal-participation", [EGAL], "Participation des femmes à la vie "
    "publique locale {de_p}", "Women's participation in local public life in "
    "{p}",
    ["Formation des conseillères municipales, création d'une commission "
     "genre au conseil municipal et forums de quartier pour les femmes."],
    "Training for women councillors and a gender committee.",
    [["15170"]], [["5.5"], ["5.5", "5.c"]], "Élues et associations de "
    "femmes {de_p}", extra=[GOUV], actors=["femmes"])
tpl("egal-violences", [EGAL], "Lutte contre les violences faites aux femmes "
    "{a_p}", "Ending violence against women in {p}",
    ["Ouverture d'un centre d'écoute et d'orientation, formation des "
     "agents municipaux et des policiers à l'accueil des victimes."],
    "A listening and referral centre and trained municipal staff.",
    [["15180"]], [["5.2"]], "{ks} femmes", where=("dev",), extra=[SANTE],
    actors=["femmes", "asso_fr"])
tpl("egal-budget", [EGAL, GOUV], "Budgétisation sensible au genre {a_p}",
    "Gender-responsive budgeting in {p}",
    ["Accompagnement des services financiers {de_p} pour analyser le budget "
     "municipal sous l'angle de l'égalité entre les femmes et les hommes."],
    "Gender analysis of the municipal budget.",
    [["15170:50", "15111:50"], ["15170"]], [["5.c", "16.6"], ["5.c"]],
    "Services municipaux et habitantes {de_p}", actors=["public_fr"])

# --- vocational training, higher education, digital
tpl("fpro-eau", [FPRO, EAU], "Formation aux métiers de l'eau et de "
    "l'assainissement {a_p}", "Training for water and sanitation jobs in {p}",
    ["Création d'une filière de formation de plombiers, fontainiers et "
     "gestionnaires de réseaux avec le centre de formation {de_p}."],
    "Training of plumbers, pump attendants and network managers.",
    [["11330:50", "14081:50"], ["14081"]], [["4.4", "6.b"], ["4.4"]],
    "{m}0 jeunes et agents", water="eau", actors=["lycee_fr"])
tpl("fpro-batiment", [FPRO], "Centre de formation aux métiers du bâtiment "
    "{de_p}", "Building trades training centre in {p}",
    ["Équipement des ateliers, formation des formateurs et apprentissage en "
     "alternance avec les artisans {de_p}."],
    "Workshops, trained trainers and apprenticeships with craftsmen.",
    [["11330"]], [["4.4", "8.6"], ["4.4"]], "{m}0 apprentis par an",
    extra=[JEUN], actors=["lycee_fr"])
tpl("fpro-agri", [FPRO, AGRI], "Formation des jeunes agriculteurs {de_p}",
    "Training young farmers in {p}",
    ["Ferme-école, stages en exploitation et échanges avec un lycée "
     "agricole {de_fr}."],
    "A training farm and exchanges with a French agricultural school.",
    [["11330:50", "31181:50"], ["31181"]], [["4.4", "2.3"], ["2.3"]],
    "{m}0 jeunes agriculteurs", rural=True, actors=["lycee_fr"])
tpl("fpro-agents", [FPRO, GOUV], "Formation des agents territoriaux {de_p}",
    "Training local government staff in {p}",
    ["Cycle de formation des agents {de_p} en gestion des ressources "
     "humaines, comptabilité et accueil du public."],
    "Training of municipal staff in HR, accounting and public reception.",
    [["43081:50", "15185:50"], ["43081"]], [["4.4", "16.6"], ["16.6"]],
    "{m}0 agents territoriaux", actors=["public_fr"])
tpl("sup-partenariat", [SUP], "Partenariat universitaire entre {fr_city} et "
    "{p}", "University partnership between {fr_city_en} and {p}",
    ["Mobilité d'étudiants et d'enseignants, diplômes conjoints et "
     "programmes de recherche communs entre les universités des deux "
     "territoires.",
     "Bourses de mobilité, co-tutelles de thèses et séminaires communs des "
     "universités partenaires."],
    "Student and staff mobility and joint research between the "
    "universities.",
    [["11420"]], [["4.3", "4.b"], ["4.b"]], "{m}0 étudiants et chercheurs",
    where=("dev", "rich"), actors=["univ_fr", "univ_local"])
tpl("sup-recherche", [SUP], "Recherche appliquée sur la ville durable {a_p}",
    "Applied research on the sustainable city in {p}",
    ["Programme de recherche associant les universités et les services "
     "municipaux sur l'eau, les déchets et l'aménagement urbain."],
    "Joint research by universities and municipal services.",
    [["43082"], ["43082:60", "11420:40"]], [["9.5", "17.6"], ["9.5"]],
    "Chercheurs et services municipaux", actors=["univ_fr", "univ_local"])
tpl("num-services", [NUM, GOUV], "Dématérialisation des services municipaux "
    "{de_p}", "Digitising the municipal services of {p}",
    ["Logiciels de gestion, portail de démarches en ligne et formation des "
     "agents {de_p} à leur utilisation."],
    "Management software, online procedures and trained staff.",
    [["22040:60", "15185:40"], ["22040"]], [["9.c", "16.6"], ["16.6"]],
    "Agents et usagers des services municipaux", actors=["public_fr"])
tpl("num-inclusion", [NUM], "Espace public numérique et inclusion numérique "
    "{a_p}", "Digital public space and digital inclusion in {p}",
    ["Ouverture d'un espace public numérique, formation de médiateurs et "
     "ateliers d'initiation pour les jeunes et les femmes."],
    "A digital public space, trained mediators and introductory courses.",
    [["22040"]], [["9.c", "17.8"], ["9.c"]], "{ks} usagers", extra=[JEUN],
    actors=["asso_fr"])
tpl("num-donnees", [NUM], "Données ouvertes et information géographique "
    "{de_p}", "Open data and geographic information in {p}",
    ["Mise en place d'un système d'information géographique et publication "
     "de données municipales ouvertes, avec l'appui des services {de_fr}."],
    "Municipal GIS and open data publication.",
    [["22013"]], [["17.18"], ["9.c", "17.18"]], "Services municipaux et "
    "habitants", actors=["public_fr"])

# --- emergency, migration, peace, development education
tpl("urg-aide", [URG], "Aide d'urgence aux habitants {de_p}",
    "Emergency aid to the people of {p}",
    ["Achat et acheminement de matériel de première nécessité, de "
     "médicaments et d'abris pour les familles sinistrées {de_p}."],
    "Purchase and delivery of relief items, medicines and shelter.",
    [["72010"]], [["1.5", "11.5"], ["11.5"]], "{ks} personnes sinistrées",
    actors=["asso_fr"], explicit=True)
tpl("urg-recons", [URG], "Reconstruction d'équipements publics {a_p}",
    "Rebuilding public facilities in {p}",
    ["Reconstruction d'une école et d'un centre de santé endommagés, selon "
     "des normes de construction plus résistantes."],
    "Rebuilding a damaged school and health centre to safer standards.",
    [["73010"]], [["11.5"]], "{k} habitants", extra=[EDU, SANTE],
    actors=["company_fr"], explicit=True)
tpl("urg-secours", [URG], "Matériel de secours et formation des "
    "sapeurs-pompiers {de_p}", "Rescue equipment and firefighter training "
    "in {p}",
    ["Don de véhicules et de matériel de secours par le service "
     "départemental d'incendie et de secours, formation des équipes locales."],
    "Donated rescue vehicles and training of local teams.",
    [["15133"]], [["11.5", "1.5"], ["11.5"]], "{k} habitants",
    actors=["sdis_fr"], explicit=True)
tpl("migr-diaspora", [MIGR], "Mobilisation de la diaspora {de_p} pour le "
    "développement local", "Engaging the {p} diaspora in local development",
    ["Appui aux associations de ressortissants {de_p} installées en France "
     "pour cofinancer des projets d'équipement dans leur commune d'origine."],
    "Support to home-town associations co-funding local facilities.",
    [["15190"], ["24050"]], [["10.7"], ["10.c", "10.7"]],
    "Habitants {de_p} et ressortissants installés en France",
    extra=[ECO], actors=["diaspora"])
tpl("migr-transferts", [MIGR], "Transferts des migrants et investissements "
    "productifs {a_p}", "Migrant remittances and productive investment in "
    "{p}",
    ["Accompagnement des familles bénéficiaires de transferts pour investir "
     "dans des activités agricoles et commerciales."],
    "Helping families turn remittances into productive investments.",
    [["24050"]], [["10.c"], ["10.c", "8.10"]], "{ks} familles",
    actors=["diaspora"])
tpl("paix-budgetparticipatif", [PAIX], "Budget participatif et démocratie "
    "locale {a_p}", "Participatory budgeting and local democracy in {p}",
    ["Mise en place d'un budget participatif : assemblées de quartier, "
     "vote des habitants et suivi des projets retenus."],
    "Neighbourhood assemblies, citizens' vote and follow-up of projects.",
    [["15150"]], [["16.7"], ["16.7", "10.2"]], "{k} habitants",
    where=("dev", "rich"), extra=[GOUV], actors=["asso_fr"])
tpl("paix-dialogue", [PAIX], "Dialogue interculturel et culture de la paix "
    "{a_p}", "Intercultural dialogue and a culture of peace in {p}",
    ["Rencontres de jeunes, ateliers d'expression artistique et formation "
     "de médiateurs de quartier."],
    "Youth meetings, art workshops and neighbourhood mediators.",
    [["15220"]], [["16.1", "10.2"], ["16.1"]], "{m}0 jeunes",
    extra=[JEUN], actors=["asso_fr"])
tpl("paix-radios", [PAIX], "Radio communautaire et information locale "
    "{a_p}", "Community radio and local information in {p}",
    ["Équipement de la radio communautaire, formation de journalistes et "
     "émissions sur les décisions du conseil municipal."],
    "Community radio equipment, trained journalists and council broadcasts.",
    [["15153"]], [["16.10"]], "{ks} auditeurs", actors=["asso_fr"])
tpl("ecsi-semaine", [ECSI], "Sensibilisation des jeunes {de_fr} à la "
    "solidarité internationale avec {p}", "Raising awareness of international "
    "solidarity among young people of {fr_city_en}",
    ["Interventions dans les collèges {de_fr}, exposition et "
     "correspondance entre classes, lors du festival des solidarités.",
     "Animations dans les écoles et les centres sociaux {de_fr} sur les "
     "enjeux de l'eau et du climat vus {a_p}."],
    "School activities and exhibitions during the solidarity festival.",
    [["99820"]], [["4.7"], ["4.7", "12.8"], ["4.7", "17.14"]],
    "{ks} jeunes {de_fr}", where=("dev", "rich"), actors=["asso_fr"])
tpl("mob-plan", [MOB], "Plan de mobilité urbaine {de_p}",
    "Urban mobility plan of {p}",
    ["Enquêtes de déplacements, restructuration des lignes de transport "
     "collectif et aménagements pour les piétons et les deux-roues."],
    "Travel surveys, reorganised bus lines and walking and cycling "
    "facilities.",
    [["21010"], ["21011"]], [["11.2"], ["11.2", "9.1"]], "{k} habitants",
    extra=[ATTEN], size="typical", actors=["urba_fr"])
tpl("mob-securite", [MOB], "Sécurité routière aux abords des écoles {de_p}",
    "Road safety around the schools of {p}",
    ["Aménagement de passages protégés, ralentisseurs et signalisation "
     "devant {n} écoles, et éducation routière des élèves."],
    "Pedestrian crossings, speed bumps and road safety education.",
    [["21020"]], [["3.6", "11.2"], ["3.6"]], "{ks} élèves",
    extra=[EDU, GOUV], actors=["public_fr"])
tpl("mob-transports", [MOB], "Restructuration du réseau de transports en "
    "commun {de_p}", "Reorganising the public transport network of {p}",
    ["Étude du réseau de bus, billettique et formation de l'autorité "
     "organisatrice des transports, avec l'expertise du réseau {de_fr}."],
    "Bus network study, ticketing and support to the transport authority.",
    [["21012"], ["21012:60", "21011:40"]], [["11.2", "9.1"], ["11.2"]],
    "{k} usagers", size="typical", actors=["public_fr"])
tpl("mob-pistes", [MOB], "Pistes rurales de désenclavement autour {de_p}",
    "Rural feeder roads around {p}",
    ["Réhabilitation de {m} km de pistes rurales et d'ouvrages de "
     "franchissement reliant les villages au marché {de_p}."],
    "Rehabilitation of feeder roads and crossings to the market town.",
    [["21021"]], [["9.1"], ["9.1", "11.2"]], "{m} villages",
    rural=True, extra=[AGRI], actors=["company_fr"])

# --- twinnings with European, Japanese and North American towns
tpl("rich-climat", [ATTEN], "Politiques climatiques locales : échanges "
    "entre {fr_city} et {p}", "Local climate policies: exchanges between "
    "{fr_city_en} and {p}",
    ["Ateliers croisés entre les services des deux villes sur la rénovation "
     "énergétique, les mobilités bas carbone et la végétalisation des "
     "espaces publics.",
     "Visites d'étude réciproques et comparaison des plans climat des deux "
     "villes, avec un volet consacré aux vagues de chaleur."],
    "Joint workshops of both cities' services on their climate plans.",
    [["23183"]], [["13.2", "13.3"], ["13.2"]], "Élus et techniciens des "
    "deux villes", where=("rich",), extra=[ADAPT], actors=["univ_fr"],
    lead=("commune", "epci"))
tpl("rich-musees", [CULT], "Coopération entre les musées {de_fr} et {de_p}",
    "Museum cooperation between {fr_city_en} and {p}",
    ["Exposition conçue en commun, prêts d'œuvres et échanges de "
     "conservateurs entre les musées des deux villes.",
     "Résidences de médiateurs culturels et programme commun d'actions pour "
     "les publics scolaires des deux villes."],
    "A joint exhibition, loans and curator exchanges between museums.",
    [["16066"]], [["11.4", "4.7"], ["11.4"]], "Publics des musées des deux "
    "villes", where=("rich",), actors=["jumelage"],
    lead=("commune", "epci"))
tpl("rich-numerique", [NUM], "Ville numérique : échanges entre {fr_city} et "
    "{p}", "Digital city: exchanges between {fr_city_en} and {p}",
    ["Échanges d'expériences entre les deux villes sur les données "
     "ouvertes, les services en ligne et la médiation numérique, et "
     "rencontres de jeunes entreprises."],
    "Exchanges on open data, online services and digital inclusion.",
    [["22040"], ["22013"]], [["9.c", "17.8"], ["17.8"]], "Services "
    "municipaux et jeunes entreprises des deux villes", where=("rich",),
    actors=["univ_fr"], lead=("commune", "epci"))
tpl("fpro-transition", [FPRO, ATTEN], "Bassins miniers en transition : "
    "formation aux métiers de la rénovation énergétique",
    "Former coalfields in transition: training for energy renovation jobs",
    ["Échanges entre centres de formation des deux régions sur la "
     "reconversion des anciens bassins miniers et les métiers de la "
     "rénovation énergétique des logements."],
    "Exchanges between training centres on jobs in energy renovation.",
    [["11330:50", "23183:50"]], [["4.4", "13.2"]], "{m}0 stagiaires et "
    "formateurs", where=("dev", "rich"), actors=["lycee_fr"], explicit=True)
tpl("gouv-europe", [GOUV], "Échanges de pratiques entre les services publics "
    "{de_fr} et {de_p}", "Exchanges of practice between the public services "
    "of {fr_city_en} and {p}",
    ["Visites d'étude et séminaires communs sur l'action sociale, l'accueil "
     "des personnes âgées et l'accès des habitants aux services publics.",
     "Missions croisées d'agents sur l'organisation des services de "
     "proximité et la participation des habitants."],
    "Study visits and joint seminars on social action and public services.",
    [["15185"]], [["16.6", "17.16"], ["16.7"]], "Agents et élus des deux "
    "collectivités", where=("rich",), actors=[])

TPL = {t["id"]: t for t in T}

# Specific projects whose title is tied to an event.
SPECIAL = {
    "beyrouth-2020": dict(
        base="urg-aide",
        fr="Aide d'urgence à Beyrouth après l'explosion du port",
        en="Emergency aid to Beirut after the port explosion",
        desc="Achat de médicaments, de vitres et de matériel de mise hors "
             "d'eau pour les logements des quartiers de Gemmayzé et de Mar "
             "Mikhaël, distribués avec la municipalité de Beyrouth.",
        start="2020-08-10", months=6),
    "beyrouth-patrimoine": dict(
        base="cult-patrimoine",
        fr="Restauration des façades patrimoniales de Gemmayzé à Beyrouth",
        en="Restoring the heritage facades of Gemmayzé in Beirut",
        desc="Chantier de restauration de façades et de toitures "
             "d'immeubles anciens endommagés par l'explosion du port, "
             "avec la formation d'artisans libanais.",
        start="2021-03-01", months=30, themes=[CULT, URG], cad=[["41040:60", "73010:40"]],
        odd=[["11.4", "11.5"]]),
    "kharkiv-2022": dict(
        base="urg-aide", fr="Aide d'urgence aux habitants de Kharkiv",
        en="Emergency aid to the people of Kharkiv",
        desc="Convois de matériel médical, de groupes électrogènes et de "
             "couvertures pour les hôpitaux et les centres d'hébergement de "
             "Kharkiv, organisés avec la municipalité.",
        start="2022-03-07", months=10),
    "kyiv-2022": dict(
        base="ener-urgence",
        fr="Groupes électrogènes et équipements d'hiver pour Kyiv",
        en="Generators and winter equipment for Kyiv",
        desc="Livraison de groupes électrogènes, de chaudières mobiles et de "
             "kits d'hiver pour les écoles et les points de chauffage de Kyiv "
             "pendant l'hiver 2022-2023.",
        start="2022-11-14", months=8),
    "odessa-2022": dict(
        base="sante-mentale", fr="Soutien sanitaire et psychosocial à Odessa",
        en="Health and psychosocial support in Odesa",
        desc="Fourniture de matériel médical aux hôpitaux d'Odessa et "
             "formation des équipes municipales au soutien psychosocial des "
             "familles déplacées.",
        themes=[URG, SANTE], cad=[["72011:60", "12340:40"]],
        odd=[["3.4", "11.5"]], start="2022-05-02", months=14),
    "cayes-2021": dict(
        base="urg-aide",
        fr="Aide d'urgence après le séisme du 14 août 2021 aux Cayes",
        en="Emergency aid after the 14 August 2021 earthquake in Les Cayes",
        desc="Abris provisoires, kits d'hygiène et remise en service de "
             "points d'eau pour les familles sinistrées des Cayes, en lien "
             "avec la mairie et la protection civile haïtienne.",
        themes=[URG, EAU], cad=[["72010:70", "14031:30"]],
        odd=[["1.5", "6.1"]], start="2021-08-23", months=9),
    "haouz-2023": dict(
        base="urg-aide",
        fr="Aide d'urgence après le séisme du 8 septembre 2023 dans la "
           "province d'Al Haouz",
        en="Emergency aid after the 8 September 2023 earthquake in Al Haouz "
           "province",
        desc="Tentes, couvertures et kits d'hygiène acheminés vers les "
             "douars sinistrés autour d'Amizmiz, avec une association "
             "marocaine partenaire, puis appui à la reconstruction d'une "
             "école.",
        themes=[URG], cad=[["72010:70", "73010:30"]], odd=[["1.5", "11.5"]],
        start="2023-09-18", months=12),
    "tyr-2024": dict(
        base="urg-aide",
        fr="Soutien d'urgence aux familles déplacées accueillies à Tyr",
        en="Emergency support to displaced families hosted in Tyre",
        desc="Aide alimentaire, matelas et kits d'hygiène pour les familles "
             "déplacées du Sud-Liban hébergées dans les écoles de Tyr, "
             "distribués par les services municipaux.",
        start="2024-10-14", months=8),
}

# ---------------------------------------------------------------------------
# Partnerships: French authorities, country, partner authorities, kind,
# main themes (or explicit templates), number of projects, first year, size
# (small/typical/large), options.
P = []


def ps(fr, cc, partners, kind, themes, n, y0, size="typical", **opt):
    P.append(dict(fr=fr if isinstance(fr, list) else [fr], cc=cc,
                  partners=partners, kind=kind, themes=themes, n=n, y0=y0,
                  size=size, **opt))


# Sénégal
ps("lille", "SN", ["Saint-Louis"], "convention", [GOUV, CULT, DECH], 3, 2019)
ps("d44", "SN", ["Podor"], "convention", [AGRI, EAU], 2, 2020)
ps("nantesmet", "SN", ["Rufisque"], "convention", [DECH, ADAPT], 2, 2021,
   large=1)
ps("r53", "SN", ["Matam"], "convention", [EAU, FPRO], 2, 2019, ue=True)
ps("lorient", "SN", ["Ziguinchor"], "convention", [OCEAN], 1, 2025)
ps("cesson", "SN", ["Kédougou"], "action", [EDU], 1, 2024, "small",
   cofr="d35")
ps("redonagglo", "SN", ["Louga"], "un-pour-cent", [EAU], 1, 2021, "small")
ps("roubaix", "SN", ["Thiès"], "convention", [JEUN, CULT], 1, 2020, "small")
ps("d93", "SN", ["Tambacounda"], "convention", [SANTE, EGAL], 2, 2022)
ps("clermont", "SN", ["Fatick"], "convention", [SANTE], 1, 2024, "small")
ps("vitre", "SN", ["Bignona"], "convention", [EDU, AGRI], 1, 2019, "small")
ps("grandpoitiers", "SN", ["Diourbel"], "convention", [EAU, GOUV], 1, 2025)
ps("echirolles", "SN", ["Kaffrine"], "convention", [EDU, EGAL], 2, 2019,
   "small")
ps("villeurbanne", "SN", [], "action", [ECSI], 1, 2024, "small",
   lieu=["Mbour"])
# Burkina Faso
ps(["lyon", "metlyon"], "BF", ["Ouagadougou"], "convention", [GOUV, DECH, EAU], 3, 2019)
ps(["chambery", "chamberyagglo"], "BF", ["Ouahigouya"], "convention",
   [EAU, EDU, AGRI], 3, 2019, cofr="d73")
ps("nancy", "BF", ["Koudougou"], "convention", [SANTE], 1, 2020)
ps("crest", "BF", ["Réo"], "action", [AGRI], 1, 2019, "small", cofr="d26")
ps("lannion", "BF", ["Tenkodogo"], "convention", [ENER, EAU], 2, 2020)
ps("d86", "BF", ["Dédougou"], "convention", [EDU, SANTE], 1, 2019)
ps("laval", "BF", ["Gaoua"], "un-pour-cent", [EAU], 1, 2021, "small")
ps("cergyp", "BF", ["Fada N'Gourma"], "convention", [GOUV, NUM], 1, 2020)
ps("ales", "BF", ["Banfora"], "convention", [ECO], 1, 2019, "small")
ps("voironnais", "BF", ["Dori"], "convention", [EAU], 1, 2022, "small")
# Mali
ps("montreuil", "ML", ["Yélimané"], "convention", [EAU, MIGR, EDU], 3, 2019)
ps("d35", "ML", ["Mopti"], "convention", [SANTE, AGRI], 2, 2019)
ps("angers", "ML", ["Bamako"], "convention", [GOUV, EDU], 2, 2020)
ps("guingamp", "ML", ["Kita"], "action", [AGRI], 1, 2019, "small",
   cofr="r53")
ps("valdille", "ML", ["Ségou"], "convention", [CULT], 1, 2022, "small")
# Niger
ps("mulhouse", "NE", ["Tahoua"], "convention", [EAU, SANTE], 2, 2019)
ps("stbrieucagglo", "NE", ["Zinder"], "convention", [AGRI, FPRO], 1, 2020)
ps("tulle", "NE", ["Birni N'Konni"], "convention", [EDU], 1, 2019, "small")
ps("pessac", "NE", ["Dosso"], "convention", [EAU], 1, 2021, "small",
   cancelled=True)
ps("d22", "NE", ["Maradi"], "convention", [AGRI, EGAL], 2, 2019)
# Togo
ps("besancon", "TG", ["Dapaong"], "convention", [EAU, DECH], 2, 2019)
ps("niort", "TG", ["Atakpamé"], "convention", [SANTE, EDU], 2, 2020)
ps("fougeres", "TG", ["Kpalimé"], "convention", [CULT, AGRI], 1, 2025,
   "small")
ps("saintdie", "TG", ["Kara"], "convention", [FPRO], 1, 2024, "small")
ps("d29", "TG", ["Tsévié"], "convention", [GOUV], 1, 2019)
ps("cholet", "TG", ["Sokodé"], "un-pour-cent", [EAU], 1, 2025, "small")
# Bénin
ps("lyon", "BJ", ["Porto-Novo"], "convention", [CULT, GOUV, DECH], 2, 2019)
ps("d38", "BJ", ["Abomey"], "convention", [CULT, ECO], 2, 2020)
ps("cergyp", "BJ", ["Parakou"], "un-pour-cent", [EAU], 1, 2024)
ps("gueret", "BJ", ["Natitingou"], "convention", [AGRI], 1, 2019, "small")
ps("bxmet", "BJ", ["Ouidah"], "convention", [], 1, 2025,
   tpls=["cult-memoire"])
ps("chateauroux", "BJ", ["Djougou"], "convention", [EDU], 1, 2024, "small")
ps("d59", "BJ", ["Comè"], "convention", [EAU, SANTE], 1, 2019)
# Côte d'Ivoire
ps("bordeaux", "CI", ["Bouaké"], "convention", [GOUV, MOB], 2, 2021)
ps("r27", "CI", ["Korhogo"], "convention", [AGRI, FPRO], 1, 2020)
ps("voironnais", "CI", ["Odienné"], "convention", [EAU], 1, 2025, "small")
ps("saintquentin", "CI", ["Grand-Bassam"], "convention", [CULT, DECH], 1,
   2025, "small")
ps("toulousemet", "CI", [], "action", [NUM, GOUV], 1, 2026,
   lieu=["Yamoussoukro"])
# Cameroun
ps("nantes", "CM", ["Dschang"], "convention", [CULT, SUP, GOUV], 2, 2019)
ps("strasbourg", "CM", ["Douala"], "convention", [DECH, MOB], 2, 2020,
   large=1)
ps("belfort", "CM", ["Foumban"], "convention", [CULT, ECO], 1, 2024, "small")
ps("montbeliard", "CM", ["Bangangté"], "convention", [EAU, SANTE], 1, 2019)
# Madagascar
ps("d974", "MG", ["Région Atsinanana"], "convention", [EAU, SANTE, AGRI], 2,
   2019)
ps("r04", "MG", ["Région Boeny"], "convention", [FPRO, ENER], 2, 2021)
ps("r11", "MG", ["Antananarivo"], "convention", [MOB, DECH, EAU], 2, 2019,
   large=1)
ps("smh", "MG", ["Ambositra"], "convention", [EDU], 1, 2024, "small")
ps("cahors", "MG", ["Fianarantsoa"], "convention", [AGRI], 1, 2025, "small")
ps("brestmet", "MG", ["Mahajanga"], "convention", [OCEAN, EAU], 1, 2024)
ps("figeac", "MG", ["Antsirabe"], "un-pour-cent", [EAU], 1, 2025, "small")
# Maroc
ps("d93", "MA", ["Figuig"], "convention", [GOUV, CULT, EAU], 2, 2019, ue=True)
ps("poitiers", "MA", ["Marrakech"], "convention", [CULT, MOB], 1, 2024)
ps("r76", "MA", ["Région Souss-Massa"], "convention", [AGRI, ENV], 1, 2025)
ps("montpellier", "MA", ["Fès"], "jumelage", [CULT, JEUN], 1, 2022, "small")
ps("paysbasque", "MA", ["Chefchaouen"], "convention", [EAU, DECH], 2, 2019)
ps("nimes", "MA", ["Meknès"], "jumelage", [CULT], 1, 2025, "small")
ps("bxmet", "MA", ["Casablanca"], "convention", [MOB, DECH], 1, 2026)
# Tunisie
ps("grenoble", "TN", ["Sfax"], "convention", [DECH, ATTEN], 2, 2020)
ps("d34", "TN", ["Médenine"], "convention", [ECO, EGAL], 1, 2024)
ps("cherbourg", "TN", ["Bizerte"], "convention", [OCEAN, CULT], 1, 2025,
   "small")
ps("clermontmet", "TN", ["Monastir"], "convention", [EAU], 1, 2025)
# Mauritanie
ps("r11", "MR", ["Région de Nouakchott"], "convention", [MOB, DECH, EAU], 2,
   2019)
ps("d64", "MR", ["Kaédi"], "convention", [AGRI, EAU], 1, 2020)
ps("sete", "MR", ["Nouadhibou"], "convention", [OCEAN], 1, 2024)
ps("romans", "MR", ["Rosso"], "convention", [FPRO], 1, 2025, "small")
# Comores
ps("d974", "KM", ["Mutsamudu"], "convention", [SANTE], 1, 2024)
ps("marseille", "KM", ["Moroni"], "convention", [MIGR, EAU], 2, 2020)
# Liban
ps("paris", "LB", ["Beyrouth"], "urgence", [], 2, 2020,
   tpls=["beyrouth-2020", "beyrouth-patrimoine"])
ps("mel", "LB", ["Tripoli"], "convention", [DECH, GOUV], 2, 2021, ue=True)
ps("d13", "LB", ["Saïda"], "convention", [EAU, JEUN], 1, 2025)
ps("toulouse", "LB", ["Zahlé"], "convention", [AGRI], 1, 2025, "small")
ps("marseille", "LB", ["Tyr"], "urgence", [], 1, 2024, tpls=["tyr-2024"])
# Palestine
ps("d94", "PS", ["Jénine"], "convention", [EAU, AGRI, JEUN], 1, 2019)
ps("stbrieuc", "PS", ["Jéricho"], "convention", [CULT, ECSI], 1, 2024,
   "small")
ps(["rennes", "rennesmet"], "PS", ["Naplouse"], "convention", [CULT, JEUN], 2, 2019)
ps("valence", "PS", ["Bethléem"], "convention", [CULT], 1, 2025, "small")
# Ukraine
ps("nancy", "UA", ["Kharkiv"], "urgence", [], 1, 2022, tpls=["kharkiv-2022"])
ps("nancy", "UA", ["Kharkiv"], "convention", [], 1, 2024,
   tpls=["gouv-recons"])
ps("paris", "UA", ["Kyiv"], "urgence", [], 1, 2022, tpls=["kyiv-2022"])
ps("marseille", "UA", ["Odessa"], "urgence", [], 1, 2022,
   tpls=["odessa-2022"])
ps("r32", "UA", ["Oblast de Tchernihiv"], "convention", [GOUV, ENER], 2,
   2023, ue=True,
   tpls=["gouv-recons", "ener-eclairage"])
ps("r28", "UA", ["Irpin"], "convention", [], 1, 2024, tpls=["urg-recons"])
ps("caen", "UA", [], "action", [SANTE], 1, 2024, "small", lieu=["Lviv"],
   tpls=["sante-mentale"])
# Moldavie
ps("d74", "MD", ["Cahul"], "convention", [AGRI, EAU], 2, 2019, ue=True)
ps("grandreims", "MD", ["Orhei"], "convention", [], 1, 2024,
   tpls=["agri-vigne"])
ps("d26", "MD", ["Soroca"], "convention", [FRANCO, EDU], 1, 2025, "small")
# Arménie
ps("d38", "AM", ["Ijevan"], "convention", [ECO, AGRI], 1, 2020)
ps("marseille", "AM", ["Erevan"], "jumelage", [CULT, FRANCO], 1, 2021,
   "small")
ps("valenceromans", "AM", ["Goris"], "convention", [EAU, GOUV], 1, 2025)
ps("r93", "AM", ["Gumri"], "convention", [FPRO, SANTE], 1, 2025)
# Roumanie, Pologne
ps("rennes", "RO", ["Sibiu"], "jumelage", [CULT, JEUN], 1, 2019, "small")
ps("d53", "RO", ["Suceava"], "convention", [GOUV, SANTE], 1, 2024)
ps("pontivy", "RO", ["Bistrița"], "jumelage", [JEUN], 1, 2025, "small")
ps("dijon", "RO", ["Cluj-Napoca"], "jumelage", [SUP, CULT], 1, 2025, "small")
ps("r32", "PL", ["Voïvodie de Silésie"], "convention", [FPRO, ATTEN], 1,
   2021, ue=True,
   tpls=["fpro-transition"])
ps("arras", "PL", ["Opole"], "jumelage", [JEUN, SPORT], 1, 2025, "small")
ps("bourges", "PL", ["Koszalin"], "jumelage", [CULT, SPORT], 1, 2019,
   "small")
# Vietnam
ps("metlyon", "VN", ["Hô Chi Minh-Ville"], "convention", [EAU, MOB, GOUV], 2,
   2019, large=1,
   tpls=["eau-sda", "mob-plan"])
ps("d93", "VN", ["Haïphong"], "convention", [EAU, ADAPT], 1, 2020)
ps("toulouse", "VN", ["Hanoï"], "convention", [CULT, SUP], 1, 2024)
ps("r32", "VN", ["Province de Lào Cai"], "convention", [AGRI, ECO], 1, 2019)
ps("r75", "VN", ["Province de Thừa Thiên Huế"], "convention", [CULT, ADAPT],
   1, 2025)
ps("r24", "VN", ["Da Nang"], "convention", [FPRO, NUM], 1, 2026)
ps("d93", "VN", [], "action", [SANTE], 1, 2026, lieu=["Haïphong"])
# Cambodge, Laos, Inde
ps("d73", "KH", ["Siem Reap"], "convention", [EAU, ECO], 2, 2019)
ps("ems", "KH", ["Phnom Penh"], "convention", [DECH], 1, 2025)
ps("concarneau", "KH", ["Kampot"], "convention", [OCEAN], 1, 2024, "small")
ps("r84", "LA", ["Province de Luang Prabang"], "convention", [CULT, AGRI], 2,
   2020, ue=True)
ps("grandchalon", "LA", ["Savannakhet"], "un-pour-cent", [EAU], 1, 2025)
ps("d974", "IN", ["Pondichéry"], "convention", [CULT, FRANCO], 1, 2024,
   "small")
ps("montpellier", "IN", [], "action", [CULT], 1, 2019, "small",
   lieu=["Chandernagor"])
ps("r44", "IN", ["Bangalore"], "convention", [SUP, NUM], 1, 2025)
# Haïti
ps("d44", "HT", ["Jacmel"], "convention", [EDU, EAU], 2, 2019)
ps("dunkerque", "HT", ["Les Cayes"], "urgence", [], 1, 2021,
   tpls=["cayes-2021"])
ps("limoges", "HT", ["Jérémie"], "convention", [SANTE], 1, 2024, "small")
ps("r53", "HT", ["Gonaïves"], "convention", [AGRI, FPRO], 2, 2021)
ps("larochelle", "HT", ["Petit-Goâve"], "convention", [EDU], 1, 2022,
   "small", cancelled=True)
# Chili, Brésil, Cuba
ps("lehavre", "CL", ["Valparaíso"], "convention", [OCEAN, CULT], 1, 2024)
ps("d33", "CL", ["Talca"], "convention", [], 1, 2025, tpls=["agri-vigne"])
ps("gam", "CL", ["Temuco"], "convention", [SUP, ENV], 1, 2025, "small")
ps("mmm", "BR", ["Porto Alegre"], "convention", [PAIX], 1, 2019)
ps("nantesmet", "BR", ["Recife"], "convention", [ECO, ADAPT], 1, 2024)
ps("saintdenis", "BR", ["Belo Horizonte"], "convention", [CULT, JEUN], 1,
   2025, "small")
ps("angouleme", "CU", ["Trinidad"], "convention", [CULT], 1, 2019, "small")
ps("d34", "CU", ["Cienfuegos"], "convention", [ENER], 1, 2025,
   tpls=["ener-eclairage"])
# Twinnings in Germany, Japan, Canada, United States
ps("rennes", "DE", ["Erlangen"], "jumelage", [JEUN, CULT], 1, 2022, "small")
ps("nantes", "DE", ["Sarrebruck"], "jumelage", [JEUN, FRANCO], 1, 2025,
   "small")
ps("lille", "DE", ["Cologne"], "jumelage", [CULT, SPORT], 1, 2025, "small")
ps("lyon", "JP", ["Yokohama"], "jumelage", [SUP, CULT], 1, 2021, "small")
ps("rennes", "JP", ["Sendai"], "jumelage", [CULT, ATTEN], 1, 2025, "small")
ps("lyon", "CA", ["Montréal"], "jumelage", [NUM, CULT], 1, 2024, "small")
ps("bordeaux", "CA", ["Québec"], "jumelage", [CULT, JEUN], 1, 2025, "small")
ps("bordeaux", "US", ["Los Angeles"], "jumelage", [ATTEN, CULT], 1, 2021,
   "small")
ps("montpellier", "US", ["Louisville"], "jumelage", [JEUN, SUP], 1, 2024,
   "small")
ps("grenoble", "US", ["Phoenix"], "jumelage", [ATTEN, SUP], 1, 2025, "small")
# Actions without a partner authority
ps("r53", "SN", [], "autre", [ECSI], 1, 2023, "small", lieu=["Matam"])
ps("nantes", "MG", [], "action", [SANTE], 1, 2022, "small",
   lieu=["Toliara"])
ps("r84", "UA", [], "urgence", [], 1, 2022, tpls=["urg-aide"],
   lieu=["Zaporijia"])
ps("d13", "HT", [], "urgence", [], 1, 2021, tpls=["urg-secours"],
   lieu=["Jérémie"])
ps("strasbourg", "MA", [], "urgence", [], 1, 2023, tpls=["haouz-2023"],
   lieu=["Amizmiz"])
# Planned projects (conventions voted at the end of 2026)
ps("grenoble", "SN", ["Saint-Louis"], "convention", [EAU], 1, 2026,
   planned=True)
ps("r84", "SN", ["Podor"], "convention", [ADAPT], 1, 2026, planned=True)
ps("d35", "BJ", ["Ouidah"], "convention", [EDU], 1, 2026, "small",
   planned=True)
ps("lyon", "MG", ["Antsirabe"], "convention", [SANTE], 1, 2026,
   planned=True)

# Exchange rates, euros per unit (plausible yearly values; XOF, XAF and KMF
# are pegged to the euro).
RATES = {
    "XOF": {y: "0,001524" for y in range(2019, 2027)},
    "XAF": {y: "0,001524" for y in range(2019, 2027)},
    "KMF": {y: "0,002033" for y in range(2019, 2027)},
    "MAD": {2019: "0,0927", 2020: "0,0937", 2021: "0,0941", 2022: "0,0936",
            2023: "0,0912", 2024: "0,0926", 2025: "0,0935", 2026: "0,0944"},
    "TND": {2019: "0,3049", 2020: "0,3142", 2021: "0,3057", 2022: "0,3047",
            2023: "0,2973", 2024: "0,2961", 2025: "0,2948", 2026: "0,2925"},
    "USD": {2019: "0,8932", 2020: "0,8770", 2021: "0,8458", 2022: "0,9506",
            2023: "0,9248", 2024: "0,9239", 2025: "0,8853", 2026: "0,8610"},
    "CAD": {2019: "0,6733", 2020: "0,6545", 2021: "0,6747", 2022: "0,7305",
            2023: "0,6848", 2024: "0,6752", 2025: "0,6350", 2026: "0,6250"},
}


def rate_value(s):
    return float(s.replace(",", "."))


# ---------------------------------------------------------------------------
# Reference files


def read_csv(path):
    with open(path, encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


class Refs:
    def __init__(self):
        themes = read_csv(os.path.join(ROOT, "data/themes/themes.csv"))
        sectors = read_csv(os.path.join(ROOT,
                                        "third_party/iati-codelists/Sector.csv"))
        sdgs = read_csv(os.path.join(ROOT, "third_party/sdg/sdg_fr_en.csv"))
        active = {r["code"]: r["category"] for r in sectors
                  if r["status"] == "active" and r["withdrawn"] != "True"}
        self.sdg = {r["code"]: r["goal"] for r in sdgs}
        self.theme_goals, self.theme_dac = {}, {}
        for t in themes:
            self.theme_goals[t["code"]] = t["sdg_goals"].split()  # ordered
            allowed = set()
            for c in t["dac_sectors"].split():
                if len(c) == 3:
                    allowed |= {k for k, cat in active.items() if cat == c}
                else:
                    allowed.add(c)
            self.theme_dac[t["code"]] = allowed
        self.active_dac = set(active)


def fail(msg):
    sys.exit("make_demo_data: " + msg)


# ---------------------------------------------------------------------------
# Generation


class Gen:
    def __init__(self, refs):
        self.refs = refs
        self.rng = random.Random(SEED)
        self.projects = []
        self.funding = []

    # -- amounts
    def fmt_amount(self, cents, force=None):
        """French style ('12 500,00') or plain ('12500', '12500.40')."""
        style = force or self.rng.choice(["fr", "plain"])
        euros, c = divmod(cents, 100)
        if style == "fr":
            s = f"{euros:,}".replace(",", " ")
            return f"{s},{c:02d}"
        return f"{euros}" if c == 0 else f"{euros}.{c:02d}"

    def round_to(self, cents, unit):
        return max(unit, int(round(cents / unit)) * unit)

    # -- dates and status
    def dates(self, ps_, k, size):
        rng = self.rng
        if ps_.get("planned"):
            start = dt.date(2026, 12, rng.choice([1, 15]))
        else:
            # Successive projects of a partnership spread up to 2026.
            step = max(1, (2026 - ps_["y0"]) // ps_["n"])
            y = ps_["y0"] + k * step + rng.choice([0, 1] if k else [0, 0, 1])
            y = min(y, 2026)
            m = rng.randint(1, 12)
            if y == 2026:
                m = rng.randint(1, 10)
            start = dt.date(y, m, 1)
        months = {"small": rng.choice([12, 18, 24, 24]),
                  "typical": rng.choice([24, 24, 36, 36]),
                  "large": rng.choice([36, 48])}[size]
        end_m = start.month - 1 + months
        end = dt.date(start.year + end_m // 12, end_m % 12 + 1, 1) - \
            dt.timedelta(days=1)
        return start, end

    def status(self, ps_, cc, start, end):
        if start > TODAY:
            return "en projet"
        if ps_.get("cancelled"):
            return "annulé"
        if (cc in SAHEL_SUSPENDED and start <= dt.date(2023, 6, 30)
                and end >= dt.date(2023, 9, 1)):
            return "suspendu"
        return "terminé" if end < TODAY else "en cours"

    # -- text
    def context(self, auth, partner, place, cc, start):
        rng = self.rng
        c = COUNTRIES[cc]
        p = partner or place
        # Regions and provinces: the texts name their main town.
        town = CAPITAL.get(p, p)
        ctx = dict(p=town, de_p=de(town), a_p=a(town), la_p=la(p),
                   fr=auth["label"],
                   fr_city=auth["city"], fr_city_en=auth["city_en"],
                   de_fr=auth["de_city"], pays=c["fr"],
                   en_pays=c["en_pays"], n=rng.randint(3, 8),
                   m=rng.randint(8, 25), y=start.year)
        k = rng.choice([2500, 4000, 6500, 9000, 12000, 18000, 25000, 40000])
        ctx["k"] = f"{k:,}".replace(",", " ")
        k = rng.choice([120, 250, 300, 450, 600, 850, 1200, 1800])
        ctx["ks"] = f"{k:,}".replace(",", " ")
        return ctx

    def actor(self, kind, auth, partner, cc, theme=None):
        c = COUNTRIES[cc]
        city = auth["city"]
        plain = re.sub(r"^(la |le |les |l')", "", city, flags=re.I)
        seat = auth["seat"]
        p = partner or "la commune"
        if kind == "asso_fr" and (cc in RICH or cc in EUROPE):
            kind = "jumelage"
        if kind == "asso_fr":
            return f"Association {plain} Solidarité {c['fr']}:22"
        if kind == "jumelage":
            return f"Comité de jumelage {de_art(city)}:22"
        if kind == "univ_fr":
            return f"{auth['univ'] or 'Université de Rennes'}:80"
        if kind == "univ_local":
            return f"{c['univ'][0]}:80" if c["univ"] else None
        if kind == "hopital_fr":
            if seat == "Saint-Denis" and auth["basin"] == "REU":
                return "Centre hospitalier universitaire de La Réunion:15"
            if seat in CHU:
                return f"Centre hospitalier universitaire {de(seat)}:15"
            return f"Centre hospitalier {de(seat)}:15"
        if kind == "company_fr":
            return {EAU: "Bureau d'études Hydraulique et Territoires:70",
                    DECH: "SCOP Ingénierie Solidaire:70",
                    ENER: "SAS Solaire Solidaire:70",
                    ATTEN: "Coopérative Énergies Citoyennes:70",
                    EDU: "SCOP Bâtisseurs Solidaires:70",
                    URG: "SCOP Bâtisseurs Solidaires:70",
                    }.get(theme, "Cabinet Urbanisme et Développement:70")
        if kind == "public_fr":
            return None
        if kind == "urba_fr":
            return f"Agence d'urbanisme {de(seat)}:15"
        if kind == "lycee_fr":
            return f"Lycée des métiers {de(seat)}:15"
        if kind == "sdis_fr":
            return "Service départemental d'incendie et de secours:15"
        if kind == "usagers":
            return f"Association des usagers de l'eau {de(p)}:24"
        if kind == "femmes":
            return f"Union des groupements de femmes {de(p)}:24"
        if kind == "producteurs":
            return f"Union des producteurs {de(p)}:24"
        if kind == "diaspora":
            return f"Association des ressortissants {de(p)} en France:22"
        return None

    # -- projects
    def pick_templates(self, ps_, cc):
        rng = self.rng
        if ps_.get("tpls"):
            return list(ps_["tpls"])
        partner = ps_["partners"][0] if ps_["partners"] else \
            ps_.get("lieu", [""])[0]
        zone = "rich" if cc in RICH else "dev"
        lead_kind = AUTH[ps_["fr"][0]]["kind"]
        out = []
        for k in range(ps_["n"]):
            theme = ps_["themes"][k % len(ps_["themes"])]
            cands = [t for t in T if t["themes"][0] == theme
                     and (zone in t["where"] or
                          (cc in EUROPE and "rich" in t["where"]))
                     and t["id"] not in out
                     and not t["explicit"]
                     and not (t["only"] and cc not in t["only"])
                     and not (t["rural"] and partner in BIG)
                     and not (ps_["kind"] == "un-pour-cent"
                              and not t["water"])
                     and not (t["size"] == "typical"
                              and ps_["size"] == "small")
                     and not (t["lead"] and lead_kind not in t["lead"])]
            if cc in EUROPE:
                rich = [t for t in cands if "rich" in t["where"]]
                cands = rich or cands
            if not cands:
                cands = [t for t in T if theme in t["themes"]
                         and zone in t["where"] and t["id"] not in out
                         and not t["explicit"]]
            if not cands:
                fail(f"no template for {theme} in {cc}")
            out.append(rng.choice(cands)["id"])
        return out

    def make_projects(self):
        drafts = []
        for ps_ in P:
            ids = self.pick_templates(ps_, ps_["cc"])
            for k, tid in enumerate(ids):
                drafts.append(self.make_project(ps_, k, tid))
        order = {cc: i for i, cc in enumerate(COUNTRY_ORDER)}
        drafts.sort(key=lambda d: (order[d["cc"]], d["start"], d["titre"]))
        for i, d in enumerate(drafts, 1):
            d["ref"] = f"DEMO-{i:04d}"
        self.projects = drafts
        for d in drafts:
            self.make_funding(d)

    def make_project(self, ps_, k, tid):
        rng = self.rng
        cc = ps_["cc"]
        special = SPECIAL.get(tid)
        t = TPL[special["base"] if special else tid]
        auths = [AUTH[x] for x in ps_["fr"]]
        lead = auths[0]
        partners = list(ps_["partners"])
        place = ""
        if not partners:
            place = ps_["lieu"][0]
        elif partners[0] in CAPITAL and rng.random() < 0.7:
            place = CAPITAL[partners[0]]
        size = "large" if ps_.get("large") == k + 1 else ps_["size"]
        if special and "start" in special:
            start = dt.date.fromisoformat(special["start"])
            m = special["months"]
            end_m = start.month - 1 + m
            end = dt.date(start.year + end_m // 12, end_m % 12 + 1,
                          start.day) - dt.timedelta(days=1)
        else:
            start, end = self.dates(ps_, k, size)
        status = self.status(ps_, cc, start, end)
        ctx = self.context(lead, partners[0] if partners else "", place, cc,
                           start)
        # Title, description
        if special:
            titre, titre_en = special["fr"], special["en"]
            desc = [special["desc"]]
        else:
            if isinstance(t["fr"], list):
                i = rng.randrange(len(t["fr"]))
                titre, titre_en = t["fr"][i], t["en"][i]
            else:
                titre, titre_en = t["fr"], t["en"]
            titre = titre.format(**ctx)
            titre_en = titre_en.format(**ctx)
            desc = [rng.choice(t["desc"]).format(**ctx)]
        extra = self.extra_sentence(ps_, t, ctx, k, lead, status)
        if extra:
            desc.append(extra)
        themes = list(special.get("themes", t["themes"])) if special \
            else list(t["themes"])
        cad = rng.choice(special.get("cad", t["cad"]) if special
                         else t["cad"])
        odd = list(rng.choice(special.get("odd", t["odd"]) if special
                              else t["odd"]))
        # One or two more themes, with their main SDG goal.
        extras = [x for x in t["extra"] if x not in themes] \
            if not special else []
        for chance in (0.5, 0.3):
            if not extras or len(themes) >= 3 or rng.random() >= chance:
                break
            x = rng.choice(extras)
            extras.remove(x)
            themes.append(x)
            g = self.refs.theme_goals[x][0]  # the theme's main goal
            if len(odd) < 3 and not any(o.split(".")[0] == g for o in odd):
                odd.append(g)
        # Actors
        acteurs = []
        for kind in t["actors"]:
            if rng.random() < 0.55:
                act = self.actor(kind, lead,
                                 CAPITAL.get(partners[0], partners[0])
                                 if partners else place, cc, themes[0])
                if act and act not in acteurs:
                    acteurs.append(act)
        if ps_["kind"] == "jumelage" and rng.random() < 0.5:
            act = self.actor("jumelage", lead, "", cc)
            if act not in acteurs:
                acteurs.append(act)
        benef = t["benef"].format(**ctx) if t["benef"] and \
            rng.random() < 0.75 else ""
        if special:
            benef = ""
        lieu = place
        if not lieu and partners and rng.random() < 0.15:
            lieu = CAPITAL.get(partners[0], partners[0])
        with_en = rng.random() < 0.28 or cc in RICH
        d = dict(cc=cc, ps=ps_, tpl=t, special=special, titre=titre,
                 titre_en=titre_en if with_en else "",
                 description=" ".join(desc),
                 description_en=(t["den"].format(**ctx)
                                 if with_en and rng.random() < 0.5 and
                                 not special else ""),
                 auths=auths, partners=partners, kind=ps_["kind"],
                 start=start, end=end, status=status, themes=themes,
                 odd=odd, cad=cad, acteurs=acteurs, benef=benef, lieu=lieu,
                 size=size)
        return d

    def extra_sentence(self, ps_, t, ctx, k, lead, status):
        rng = self.rng
        kind = ps_["kind"]
        opts = []
        if kind == "jumelage":
            opts.append("Le projet fait vivre le jumelage entre les deux "
                        "villes, avec l'appui du comité de jumelage.")
        elif kind == "urgence":
            opts.append("L'aide est coordonnée avec le Centre de crise et de "
                        "soutien du ministère de l'Europe et des Affaires "
                        "étrangères.")
        elif kind == "un-pour-cent":
            opts.append("Le projet est financé au titre du « 1 % eau et "
                        "assainissement » (loi Oudin-Santini) par " +
                        lead["label"] + " et l'agence de l'eau.")
        elif ps_["partners"]:
            lp = ctx["la_p"]
            opts += [
                "Le projet s'inscrit dans la convention de coopération "
                "décentralisée qui lie " + lead["label"] + " et " + lp + ".",
                "Un comité de pilotage réunit chaque année les élus et les "
                "techniciens des deux collectivités.",
                "La maîtrise d'ouvrage est assurée par " + lp + ", avec "
                "l'appui technique des agents " + lead["de_city"] + ".",
                "Des missions croisées d'élus et de techniciens ponctuent "
                "chaque étape du projet.",
                "Une évaluation à mi-parcours est prévue avec les services " +
                ctx["de_p"] + ".",
            ]
        if k >= 1 and kind in ("convention", "un-pour-cent"):
            opts.append("Cette action prolonge celles que les deux "
                        "collectivités mènent ensemble depuis " +
                        str(ps_["y0"]) + ".")
        if status == "suspendu":
            return ("Les activités sont suspendues depuis l'automne 2023 en "
                    "raison du contexte sécuritaire et diplomatique.")
        if status == "annulé":
            return ("Le projet a été annulé avant sa mise en œuvre, la "
                    "situation locale ne permettant pas de le conduire.")
        if not opts or rng.random() < 0.35:
            return ""
        return rng.choice(opts)

    # -- funding
    def make_funding(self, d):
        rng = self.rng
        cc = d["cc"]
        c = COUNTRIES[cc]
        ps_ = d["ps"]
        lead = d["auths"][0]
        size = d["size"]
        theme = d["themes"][0]
        kind = d["kind"]
        if size == "small":
            total = rng.randrange(5_000, 40_001, 500)
            unit = 1_000  # cents: 10 EUR
        elif size == "typical":
            total = rng.choice([rng.randrange(40_000, 120_001, 1_000),
                                rng.randrange(60_000, 300_001, 5_000)])
            unit = 10_000  # 100 EUR
        else:
            total = rng.randrange(500_000, 2_000_001, 25_000)
            unit = 100_000  # 1000 EUR
        total *= 100
        years = list(range(d["start"].year,
                           min(d["end"].year, LAST_YEAR) + 1))
        funders = []  # (key, share)
        ceiling = {"ldc": 0.70, "oda": 0.50, "other": 0.30}[c["cat"]]
        if cc == "LA":
            ceiling = 0.50  # Laos leaves the LDC list on 2026-11-24
        water = d["tpl"]["water"] if not d["special"] else None
        if size == "large":
            funders.append(("afd", rng.uniform(0.5, 0.65)))
        elif kind == "urgence":
            if rng.random() < 0.3:
                funders.append(("meae", rng.uniform(0.2, 0.4)))
        else:
            p_meae = {"ldc": 0.62, "oda": 0.55, "other": 0.08}[c["cat"]]
            if kind == "un-pour-cent":
                p_meae = 0.2
            if rng.random() < p_meae:
                hi = min(0.68, ceiling - 0.03)
                lo = 0.2 if c["cat"] != "other" else 0.15
                funders.append(("meae", rng.uniform(lo, hi)))
        if water and kind != "urgence":
            agency_share = rng.uniform(0.15, 0.45) if size != "large" \
                else rng.uniform(0.08, 0.15)
            if kind == "un-pour-cent":
                agency_share = rng.uniform(0.3, 0.5)
            funders.append(("agence", agency_share))
        if (ps_.get("ue") and size != "small" and rng.random() < 0.7) or \
                (size == "large" and rng.random() < 0.5):
            funders.append(("ue", rng.uniform(0.25, 0.45)))
        if d["partners"] and (rng.random() < 0.6 or size == "large"):
            funders.append(("partenaire", rng.uniform(0.04, 0.15)))
        if ps_.get("cofr") and rng.random() < 0.8:
            funders.append(("cofr", rng.uniform(0.06, 0.15)))
        if cc == "DE" and theme in (JEUN, SPORT, CULT) and rng.random() < 0.8:
            funders.append(("ofaj", rng.uniform(0.15, 0.3)))
        if cc == "CA" and rng.random() < 0.7:
            funders.append(("ofqj", rng.uniform(0.1, 0.25)))
        if rng.random() < 0.22 or kind == "jumelage":
            funders.append(("association", rng.uniform(0.02, 0.08)))
        if rng.random() < 0.07:
            funders.append(("fondation", rng.uniform(0.05, 0.12)))
        if rng.random() < 0.05:
            funders.append(("entreprise", rng.uniform(0.03, 0.08)))
        # At most 5 funders besides the authority's own funds.
        funders = funders[:5]
        own_target = rng.uniform(0.15, 0.6)
        if kind == "urgence":
            own_target = rng.uniform(0.5, 0.9)
        # Scale the other funders to what the authority leaves, each within
        # a plausible limit; what is still missing is the authority's.
        caps = {"afd": 0.65, "meae": ceiling - 0.03, "agence": 0.5,
                "ue": 0.5, "partenaire": 0.2, "cofr": 0.2, "ofaj": 0.35,
                "ofqj": 0.3, "association": 0.12, "fondation": 0.2,
                "entreprise": 0.12}
        s = sum(x for _, x in funders)
        if s:
            factor = (1 - own_target) / s
            funders = [(k, min(x * factor, caps[k], 0.68)) for k, x in
                       funders]
        nature_frac = rng.uniform(0.1, 0.42) if rng.random() < 0.55 else 0
        lines = []  # planned lines: dict(key, financeur, type, mec, year, cents, cur)

        def add(key, financeur, ftype, mec, year, cents, cur=None):
            lines.append(dict(key=key, financeur=financeur, type=ftype,
                              mec=mec, year=year, cents=cents, cur=cur))

        partner = d["partners"][0] if d["partners"] else ""
        mec_water = "1pc-assainissement" if water == "assainissement" \
            else "1pc-eau"
        for key, share in funders:
            cents = self.round_to(total * share, unit)
            y0 = years[0]
            if key == "afd":
                add(key, AFD, "afd", "afd-ficol", y0, cents)
            elif key == "meae":
                add(key, MEAE, "etat", "appel-etat", y0, cents)
            elif key == "agence":
                add(key, AGENCIES[lead["basin"]], "agence-eau", mec_water, y0,
                    cents)
            elif key == "ue":
                add(key, UE, "ue", "ue", y0, cents)
            elif key == "partenaire":
                y = rng.choice(years)
                cur = c["cur"] if c["cur"] and rng.random() < 0.55 else None
                add(key, partner, "partenaire", "budget-general", y, cents, cur)
            elif key == "cofr":
                add(key, AUTH[ps_["cofr"]]["form"], "collectivite",
                    "budget-general", y0, cents)
            elif key == "ofaj":
                add(key, "Office franco-allemand pour la Jeunesse", "autre",
                    "autre", y0, cents)
            elif key == "ofqj":
                add(key, "Office franco-québécois pour la jeunesse", "autre",
                    "autre", y0, cents)
            elif key == "association":
                name = (f"Comité de jumelage {de_art(lead['city'])}"
                        if kind == "jumelage" else
                        "Association " + re.sub(r"^(la |le |les |l')", "",
                                                lead["city"], flags=re.I) +
                        " Solidarité " + c["fr"])
                add(key, name, "association", "autre", rng.choice(years),
                    cents)
            elif key == "fondation":
                name = {EAU: FOUNDATIONS[1], EDU: FOUNDATIONS[2],
                        JEUN: FOUNDATIONS[2], FRANCO: FOUNDATIONS[2],
                        SANTE: FOUNDATIONS[3], CULT: FOUNDATIONS[4]}.get(
                            theme, FOUNDATIONS[0])
                add(key, name, "fondation", "autre", rng.choice(years), cents)
            elif key == "entreprise":
                name = {EAU: COMPANIES[1], ENER: COMPANIES[2],
                        ATTEN: COMPANIES[3], EDU: COMPANIES[0],
                        URG: COMPANIES[0]}.get(theme, rng.choice(COMPANIES))
                add(key, name, "entreprise", "autre", rng.choice(years),
                    cents)
        # Currency lines: convert to a local amount; the euro value is what
        # the importer computes from it.
        for ln in lines:
            if ln["cur"]:
                y = ln["year"]
                rate = RATES[ln["cur"]][y]
                step = {"XOF": 100_000, "XAF": 100_000, "KMF": 50_000}.get(
                    ln["cur"], 100) * 100
                local = self.round_to(ln["cents"] / rate_value(rate), step)
                ln["local"] = local
                ln["rate"] = rate
                ln["rate_date"] = f"{y}-01-02"
                ln["cents"] = int(round(local * rate_value(rate)))
        others = sum(ln["cents"] for ln in lines)
        # The authority's funds take what the others leave, rounded: the
        # budget is the sum of the lines.
        own = self.round_to(total - others, unit)
        # Own funds: cash (budget-general or a "1 %" budget) and in kind.
        own_mec = "budget-general"
        if water and lead["kind"] in ("commune", "epci") and \
                (kind == "un-pour-cent" or rng.random() < 0.4):
            own_mec = mec_water
        elif theme == DECH and lead["kind"] == "epci" and rng.random() < 0.6:
            own_mec = "1pc-dechets"
        elif theme == ENER and lead["kind"] == "epci" and rng.random() < 0.8:
            own_mec = "1pc-energie"
        own_auths = d["auths"]
        nature = 0
        if nature_frac:
            nature = int(own * nature_frac)
            if rng.random() < 0.5:
                nature = self.round_to(nature, unit)
            nature = min(nature, int(own * 0.45))
        cash = own - nature
        # Split the cash over authorities and years.
        cash_parts = []
        if len(own_auths) > 1:
            first = self.round_to(cash * rng.uniform(0.3, 0.6), unit)
            cash_parts = [(own_auths[0], years[0], first),
                          (own_auths[1], years[0], cash - first)]
        elif len(years) > 1 and rng.random() < 0.6 and len(lines) <= 3:
            first = self.round_to(cash * rng.uniform(0.4, 0.6), unit)
            cash_parts = [(lead, years[0], first),
                          (lead, years[-1], cash - first)]
        else:
            cash_parts = [(lead, years[0], cash)]
        planned = []
        for auth, y, cents in cash_parts:
            planned.append(dict(key="own", financeur=auth["form"],
                                type="collectivite", mec=own_mec, year=y,
                                cents=cents, cur=None))
        if nature:
            planned.append(dict(key="nature", financeur=lead["form"],
                                type="collectivite", mec="nature",
                                year=rng.choice(years), cents=nature,
                                cur=None))
        planned += lines
        if len(planned) < 2:
            # Split the authority's cash over two years or add staff time.
            ln = planned[0]
            part = self.round_to(ln["cents"] * 0.25, unit)
            ln["cents"] -= part
            planned.append(dict(key="nature", financeur=lead["form"],
                                type="collectivite", mec="nature",
                                year=ln["year"], cents=part, cur=None))
        planned = planned[:7]
        d["planned"] = planned
        d["actual"] = self.actuals(d, planned)

    def actuals(self, d, planned):
        rng = self.rng
        st = d["status"]
        out = []
        if st in ("en projet", "annulé"):
            return out
        if st == "terminé" and rng.random() < 0.15:
            return out
        if st == "en cours" and rng.random() < 0.4:
            return out
        prio = {"meae": 0, "own": 1, "agence": 2, "afd": 3, "ue": 4,
                "partenaire": 5, "nature": 6, "cofr": 7}
        order = sorted(planned, key=lambda ln: prio.get(ln["key"], 8))
        room = min(7 - len(planned), rng.choice([1, 2, 2, 3, 3, 4]))
        for ln in order:
            if room <= 0:
                break
            y = ln["year"]
            if st == "en cours" and y > 2025 and ln["key"] != "meae":
                continue
            if st == "suspendu" and y > 2023:
                continue
            key = ln["key"]
            if key == "meae":
                f = 1.0 if st == "terminé" else 0.5
                if st == "terminé" and rng.random() < 0.2:
                    f = 0.85
            elif key == "own":
                f = rng.uniform(0.85, 1.08)
            elif key == "nature":
                f = rng.uniform(0.9, 1.1)
            elif key == "partenaire":
                f = rng.choice([1.0, 1.0, 0.8, 0.6, 0.5])
            elif key in ("afd", "ue"):
                f = 1.0 if st == "terminé" else 0.6
            else:
                f = 1.0
            if st == "suspendu":
                f *= rng.uniform(0.4, 0.8)
            a_ = dict(ln)
            a_["actual"] = True
            if ln.get("cur"):
                step = {"XOF": 5_000, "XAF": 5_000, "KMF": 5_000}.get(
                    ln["cur"], 10) * 100
                a_["local"] = self.round_to(ln["local"] * f, step)
                a_["cents"] = int(round(a_["local"] *
                                        rate_value(ln["rate"])))
            elif key in ("own", "nature"):
                a_["cents"] = max(100, int(ln["cents"] * f))
            else:
                a_["cents"] = self.round_to(ln["cents"] * f, 1000)
            out.append(a_)
            room -= 1
        return out

    # -- edge cases for eligibility tests (planned lines, EUR only)
    def edge_cases(self):
        rng = self.rng
        cands = [d for d in self.projects
                 if d["start"].year >= 2024 and d["kind"] == "convention"
                 and d["status"] in ("en cours", "en projet")
                 and d["size"] != "large" and d["partners"]
                 and len(d["auths"]) == 1]
        rng.shuffle(cands)
        # Calls of 2025 and 2026 first (the co-funding rates of 2025).
        cands.sort(key=lambda d: d["start"].year < 2025)  # stable
        need = [("own-10", "ldc"), ("own-10", "oda"),
                ("own-below-10", "ldc"), ("own-below-10", "oda"),
                ("inkind-half", "ldc"), ("inkind-half", "oda"),
                ("inkind-over-half", "ldc"), ("inkind-over-half", "oda"),
                ("inkind-over-half", "ldc"),
                ("meae-at-ceiling", "ldc"), ("meae-at-ceiling", "oda"),
                ("meae-at-ceiling", "other"),
                ("meae-over-ceiling", "oda")]
        used = set()
        self.edges = []
        for kind_, cat in need:
            pick = next((d for d in cands if d["ref"] not in used and
                         COUNTRIES[d["cc"]]["cat"] == cat and
                         d["cc"] != "LA"), None)
            if pick is None:
                pick = next((d for d in cands if d["ref"] not in used and
                             d["cc"] != "LA"), None)
            if pick is None:
                fail("not enough candidates for the edge cases")
            used.add(pick["ref"])
            self.make_edge(pick, kind_)

    def make_edge(self, d, kind_):
        rng = self.rng
        c = COUNTRIES[d["cc"]]
        lead = d["auths"][0]
        if d["size"] == "small":
            total = rng.randrange(20_000, 40_001, 2_000) * 100
        else:
            total = rng.randrange(60_000, 200_001, 10_000) * 100
        y = d["start"].year
        ceiling = {"ldc": 70, "oda": 50, "other": 30}[c["cat"]]
        pct = lambda p: total * p // 100  # noqa: E731
        if kind_ == "own-10":
            own_cash, nature, meae = pct(7), pct(3), pct(ceiling - 10)
            note = "French authorities' funds exactly 10 % (7 % cash + 3 % " \
                   "in kind)"
        elif kind_ == "own-below-10":
            own_cash, nature, meae = pct(8), 0, pct(ceiling - 15)
            note = "French authorities' funds 8 % (below 10 %)"
        elif kind_ == "inkind-half":
            own_cash, nature, meae = pct(10), pct(10), pct(ceiling - 10)
            note = "in kind exactly half of the French authorities' funds " \
                   "(10 % cash + 10 % in kind)"
        elif kind_ == "inkind-over-half":
            own_cash, nature, meae = pct(6), pct(12), pct(ceiling - 15)
            note = "in kind above half of the French authorities' funds " \
                   "(6 % cash + 12 % in kind)"
        elif kind_ == "meae-at-ceiling":
            own_cash, nature, meae = pct(12), pct(4), pct(ceiling)
            note = f"ministry share exactly {ceiling} %, the ceiling for " + \
                {"ldc": "an LDC", "oda": "another ODA-eligible country",
                 "other": "a country outside the ODA list"}[c["cat"]]
        else:
            own_cash, nature, meae = pct(15), pct(5), pct(ceiling + 5)
            note = f"ministry share {ceiling + 5} %, above the {ceiling} % " \
                   f"ceiling"
        rest = total - own_cash - nature - meae
        assert rest >= 0
        partner_cents = rest // 2 // 100 * 100
        third = rest - partner_cents
        planned = [dict(key="own", financeur=lead["form"], type="collectivite",
                        mec="budget-general", year=y, cents=own_cash,
                        cur=None)]
        if nature:
            planned.append(dict(key="nature", financeur=lead["form"],
                                type="collectivite", mec="nature", year=y,
                                cents=nature, cur=None))
        planned.append(dict(key="meae", financeur=MEAE, type="etat",
                            mec="appel-etat", year=y, cents=meae, cur=None))
        if partner_cents:
            planned.append(dict(key="partenaire", financeur=d["partners"][0],
                                type="partenaire", mec="budget-general",
                                year=y, cents=partner_cents, cur=None))
        if third:
            water = d["tpl"]["water"]
            if water:
                planned.append(dict(key="agence",
                                    financeur=AGENCIES[lead["basin"]],
                                    type="agence-eau",
                                    mec="1pc-assainissement"
                                    if water == "assainissement"
                                    else "1pc-eau",
                                    year=y, cents=third, cur=None))
            else:
                planned.append(dict(key="association",
                                    financeur="Association " +
                                    re.sub(r"^(la |le |les |l')", "",
                                           lead["city"], flags=re.I) +
                                    " Solidarité " + c["fr"],
                                    type="association", mec="autre", year=y,
                                    cents=third, cur=None))
        d["planned"] = planned
        d["actual"] = []
        self.edges.append(dict(ref=d["ref"], kind=kind_, note=note,
                               country=c["fr"], cat=c["cat"],
                               total=total, start=d["start"].isoformat()))

    # -- output rows
    def rows(self):
        prow, frow = [], []
        for d in self.projects:
            prow.append({
                "ref_projet": d["ref"],
                "titre": d["titre"],
                "titre_en": d["titre_en"],
                "description": d["description"],
                "description_en": d["description_en"],
                "collectivite_fr": "|".join(a_["form"] for a_ in d["auths"]),
                "collectivite_partenaire": "|".join(d["partners"]),
                "pays": COUNTRIES[d["cc"]]["fr"],
                "type_partenariat": d["kind"],
                "date_debut": d["start"].isoformat(),
                "date_fin": d["end"].isoformat(),
                "statut": d["status"],
                "themes": "|".join(d["themes"]),
                "odd": "|".join(d["odd"]),
                "cad": "|".join(d["cad"]),
                "acteurs": "|".join(d["acteurs"]),
                "beneficiaires": d["benef"],
                "lieu": d["lieu"],
            })
            n = 0
            for ln in d["planned"] + d["actual"]:
                n += 1
                if ln.get("cur"):
                    amount = self.fmt_amount(ln["local"])
                    cur, rate, rdate = ln["cur"], ln["rate"], ln["rate_date"]
                    if ln.get("actual"):
                        rdate = f"{ln['year']}-{self.rng.randint(3, 11):02d}-15"
                else:
                    amount = self.fmt_amount(ln["cents"])
                    cur = rate = rdate = ""
                frow.append({
                    "ref_projet": d["ref"], "ligne": str(n),
                    "financeur": ln["financeur"],
                    "type_financeur": ln["type"], "mecanisme": ln["mec"],
                    "annee": str(ln["year"]),
                    "nature": "réalisé" if ln.get("actual") else "prévu",
                    "montant": amount, "devise": cur, "taux": rate,
                    "date_taux": rdate,
                })
        return prow, frow


PROJECT_COLUMNS = ["ref_projet", "titre", "titre_en", "description",
                   "description_en", "collectivite_fr",
                   "collectivite_partenaire", "pays", "type_partenariat",
                   "date_debut", "date_fin", "statut", "themes", "odd", "cad",
                   "acteurs", "beneficiaires", "lieu"]
FUNDING_COLUMNS = ["ref_projet", "ligne", "financeur", "type_financeur",
                   "mecanisme", "annee", "nature", "montant", "devise",
                   "taux", "date_taux"]


def to_csv(columns, rows):
    buf = io.StringIO()
    w = csv.DictWriter(buf, fieldnames=columns, lineterminator="\n")
    w.writeheader()
    w.writerows(rows)
    return buf.getvalue()


# ---------------------------------------------------------------------------
# Checks


def parse_amount(s):
    """Cents of an amount written by fmt_amount."""
    if "," in s:
        e, c = s.split(",")
        return int(e.replace(" ", "")) * 100 + int(c)
    if "." in s:
        e, c = s.split(".")
        return int(e) * 100 + int(c)
    return int(s) * 100


def euro_cents(row):
    cents = parse_amount(row["montant"])
    if row["devise"]:
        return int(round(cents * rate_value(row["taux"])))
    return cents


def check(refs, prow, frow, gen, cog_dir):
    errs = []
    by_ref = {}
    for r in prow:
        ref = r["ref_projet"]
        if ref in by_ref:
            errs.append(f"{ref}: duplicate ref")
        by_ref[ref] = r
        themes = r["themes"].split("|")
        if not 1 <= len(themes) <= 3:
            errs.append(f"{ref}: {len(themes)} themes")
        goals, dacs = set(), set()
        for t in themes:
            if t not in refs.theme_goals:
                errs.append(f"{ref}: unknown theme {t}")
                continue
            goals |= set(refs.theme_goals[t])
            dacs |= refs.theme_dac[t]
        odd = r["odd"].split("|")
        if not 1 <= len(odd) <= 3:
            errs.append(f"{ref}: {len(odd)} SDG codes")
        for o in odd:
            if o not in refs.sdg:
                errs.append(f"{ref}: unknown SDG code {o}")
            elif refs.sdg[o] not in goals:
                errs.append(f"{ref}: SDG {o} fits none of {themes}")
        cad = r["cad"].split("|")
        total = 0
        for c in cad:
            code, _, p = c.partition(":")
            if code not in refs.active_dac:
                errs.append(f"{ref}: DAC {code} not an active code")
            elif code not in dacs:
                errs.append(f"{ref}: DAC {code} fits none of {themes}")
            total += int(p) if p else 100
        if total != 100:
            errs.append(f"{ref}: DAC percentages add up to {total}")
        if not r["date_debut"] <= r["date_fin"]:
            errs.append(f"{ref}: ends before it starts")
        if not "2019-01-01" <= r["date_debut"] <= "2026-12-31":
            errs.append(f"{ref}: starts {r['date_debut']}")
        start = dt.date.fromisoformat(r["date_debut"])
        end = dt.date.fromisoformat(r["date_fin"])
        st = r["statut"]
        if st == "en projet" and start <= TODAY:
            errs.append(f"{ref}: planned but started")
        if st == "terminé" and end >= TODAY:
            errs.append(f"{ref}: completed but not ended")
        if st == "en cours" and not start <= TODAY <= end:
            errs.append(f"{ref}: ongoing outside its dates")
        for a_ in r["acteurs"].split("|") if r["acteurs"] else []:
            if not re.fullmatch(r"[^:|]+(:\d\d)?", a_):
                errs.append(f"{ref}: bad actor {a_!r}")
    lines = {}
    for f in frow:
        ref = f["ref_projet"]
        lines.setdefault(ref, []).append(f)
        if ref not in by_ref:
            errs.append(f"funding of unknown project {ref}")
            continue
        if not FIRST_YEAR <= int(f["annee"]) <= LAST_YEAR:
            errs.append(f"{ref}: funding year {f['annee']}")
        if f["type_financeur"] == "partenaire" and f["financeur"] not in \
                by_ref[ref]["collectivite_partenaire"].split("|"):
            errs.append(f"{ref}: funder {f['financeur']} is not a partner")
        if euro_cents(f) <= 0 or euro_cents(f) > 100_000_000 * 100:
            errs.append(f"{ref}: amount {f['montant']}")
        if f["devise"] and not (f["taux"] and f["date_taux"]):
            errs.append(f"{ref}: currency without rate")
    for ref in by_ref:
        n = len(lines.get(ref, []))
        if not 2 <= n <= 7:
            errs.append(f"{ref}: {n} funding lines")
    # Rules for the eligibility tests, on planned lines.
    edges = {e["ref"]: e for e in gen.edges}
    for ref, ls in lines.items():
        planned = [f for f in ls if f["nature"] == "prévu"]
        tot = sum(euro_cents(f) for f in planned)
        fr = sum(euro_cents(f) for f in planned
                 if f["type_financeur"] == "collectivite")
        kind_ = sum(euro_cents(f) for f in planned
                    if f["mecanisme"] == "nature")
        meae = sum(euro_cents(f) for f in planned
                   if f["type_financeur"] == "etat")
        cat = COUNTRIES[next(cc for cc, c in COUNTRIES.items()
                             if c["fr"] == by_ref[ref]["pays"])]["cat"]
        ceiling = {"ldc": 70, "oda": 50, "other": 30}[cat]
        e = edges.get(ref)
        k = e["kind"] if e else None
        if k == "own-10":
            ok = fr * 10 == tot and kind_ * 2 <= fr
        elif k == "own-below-10":
            ok = fr * 10 < tot
        elif k == "inkind-half":
            ok = kind_ * 2 == fr and fr * 10 >= tot
        elif k == "inkind-over-half":
            ok = kind_ * 2 > fr and fr * 10 >= tot
        elif k == "meae-at-ceiling":
            ok = meae * 100 == ceiling * tot and fr * 10 >= tot and \
                kind_ * 2 <= fr
        elif k == "meae-over-ceiling":
            ok = meae * 100 > ceiling * tot and fr * 10 >= tot
        else:
            # Ordinary projects stay clear of every limit.
            ok = fr * 100 >= 12 * tot and kind_ * 100 <= 45 * fr and \
                meae * 100 <= (ceiling - 1) * tot
        if not ok:
            errs.append(f"{ref}: eligibility rule ({k or 'ordinary'}): "
                        f"total {tot}, French {fr}, in kind {kind_}, "
                        f"ministry {meae}")
    # French authorities against the COG.
    if cog_dir:
        def load(name):
            with open(os.path.join(cog_dir, name), encoding="utf-8") as f:
                return json.load(f)
        communes = {c["code"]: c["nom"] for c in load("communes.json")
                    if c.get("type") == "commune-actuelle"}
        epcis = {e["code"]: e["nom"] for e in load("epci.json")}
        depts = {d["code"]: d["nom"] for d in load("departements.json")}
        regions = {r["code"]: r["nom"] for r in load("regions.json")}
        table = {"commune": communes, "epci": epcis, "departement": depts,
                 "region": regions}
        for a_ in AUTH.values():
            got = table[a_["kind"]].get(a_["code"])
            if got != a_["name"]:
                errs.append(f"{a_['kind']} {a_['code']}: COG has {got!r}, "
                            f"expected {a_['name']!r}")
        forms = {a_["form"] for a_ in AUTH.values()}
        used = set()
        for r in prow:
            used |= set(r["collectivite_fr"].split("|"))
        used |= {f["financeur"] for f in frow
                 if f["type_financeur"] == "collectivite"}
        for u in sorted(used - forms):
            errs.append(f"French authority {u!r} is not in the checked table")
    if errs:
        fail("checks failed:\n  " + "\n  ".join(errs[:60]))


def stats(prow, frow, gen):
    planned = sum(euro_cents(f) for f in frow if f["nature"] == "prévu")
    actual = sum(euro_cents(f) for f in frow if f["nature"] == "réalisé")
    auths = set()
    for r in prow:
        auths |= set(r["collectivite_fr"].split("|"))
    auths |= {f["financeur"] for f in frow
              if f["type_financeur"] == "collectivite"}
    count = {}
    for r in prow:
        for x in r["collectivite_fr"].split("|"):
            count[x] = count.get(x, 0) + 1
    top = sorted(count.items(), key=lambda kv: -kv[1])[:8]
    kinds, statuses, countries = {}, {}, {}
    for r in prow:
        kinds[r["type_partenariat"]] = kinds.get(r["type_partenariat"], 0) + 1
        statuses[r["statut"]] = statuses.get(r["statut"], 0) + 1
        countries[r["pays"]] = countries.get(r["pays"], 0) + 1
    partners = {(r["pays"], p) for r in prow
                for p in r["collectivite_partenaire"].split("|") if p}
    print(f"projects: {len(prow)}; funding lines: {len(frow)} "
          f"({sum(f['nature'] == 'prévu' for f in frow)} planned, "
          f"{sum(f['nature'] == 'réalisé' for f in frow)} actual, "
          f"{sum(bool(f['devise']) for f in frow)} in another currency)")
    print(f"countries: {len(countries)}; French authorities: {len(auths)} "
          f"({len(count)} leading); partner authorities: {len(partners)}")
    print(f"planned: {planned / 100:,.2f} EUR; actual: {actual / 100:,.2f} "
          f"EUR")
    print("kinds:", dict(sorted(kinds.items())))
    print("statuses:", dict(sorted(statuses.items())))
    print("countries:", countries)
    print("most projects:", top)
    print(f"with English title: {sum(bool(r['titre_en']) for r in prow)}; "
          f"without partner authority: "
          f"{sum(not r['collectivite_partenaire'] for r in prow)}; "
          f"with a ministry line: "
          f"{len({f['ref_projet'] for f in frow if f['type_financeur'] == 'etat'})}")
    print("edge cases:")
    for e in gen.edges:
        print(f"  {e['ref']} ({e['country']}, {e['cat']}, start "
              f"{e['start']}, planned {e['total'] / 100:,.0f} EUR): "
              f"{e['kind']}: {e['note']}")


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("cog_dir", nargs="?",
                    help="data directory of @etalab/decoupage-administratif")
    ap.add_argument("--out", default=os.path.join(ROOT, "data", "demo"))
    args = ap.parse_args()
    cog = args.cog_dir
    if cog is None:
        default = os.path.join(ROOT, "node_modules", "@etalab",
                               "decoupage-administratif", "data")
        if os.path.isdir(default):
            cog = default
        else:
            print("make_demo_data: no COG data, French codes not checked",
                  file=sys.stderr)
    refs = Refs()
    gen = Gen(refs)
    gen.make_projects()
    gen.edge_cases()
    prow, frow = gen.rows()
    check(refs, prow, frow, gen, cog)
    os.makedirs(args.out, exist_ok=True)
    for name, cols, rows in (("projets.csv", PROJECT_COLUMNS, prow),
                             ("financements.csv", FUNDING_COLUMNS, frow)):
        with open(os.path.join(args.out, name), "w", encoding="utf-8",
                  newline="") as f:
            f.write(to_csv(cols, rows))
    if cog:
        print(f"French authority codes checked against {cog}")
    stats(prow, frow, gen)


if __name__ == "__main__":
    main()
