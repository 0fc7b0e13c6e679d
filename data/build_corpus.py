#!/usr/bin/env python3
"""Build templint's labelled template corpus: data/templates.jsonl.

Every row is written by this script from hand-written skeletons (``data/skeletons.py``) and
invented slot fillers: no third-party text. The output is deterministic: the same code gives
byte-identical output (each skeleton draws from its own ``random.Random`` seeded from SEED and
the skeleton's pattern id, so adding a skeleton does not change the rows of the others).

usage: python3 data/build_corpus.py [--out PATH]
(also writes split counts to splits.md beside the output file)
"""

from __future__ import annotations

import argparse
import hashlib
import json
import math
import random
import re
import sys
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from skeletons import GROUPS, Group  # noqa: E402

SEED = 20240603
VERSION = "v1"
TEST_FRACTION = 0.2
ROWS_PER_SKELETON = {"en": 20}
ROWS_PER_SKELETON_OTHER = 15
MIN_WORDS, MAX_WORDS = 5, 150
OUT = HERE / "templates.jsonl"

INDUSTRY_NAMES = {
    "retail": "retail",
    "banking": "banking",
    "travel": "travel",
    "health": "health",
    "education": "education",
    "logistics": "logistics",
    "telecom": "telecom",
    "food": "food-delivery",
    "saas": "saas",
    "insurance": "insurance",
    "realestate": "real-estate",
    "utilities": "utilities",
}

# --------------------------------------------------------------------------- vocabulary
# Brands, products and places are invented for this corpus.
BRANDS = {
    "retail": ["Kavya Home", "UrbanThread", "Nookly", "Trendora", "Maple & Moss", "Loomi"],
    "banking": ["Northway Bank", "Crestline Bank", "Suvidha Bank", "Pennant Credit Union"],
    "travel": ["SkyNest Travels", "Trailo", "Wanderly", "AeroVia", "Coastline Stays"],
    "health": ["CarePoint Clinics", "Medora Health", "Sunrise Diagnostics", "PulseLab"],
    "education": ["LearnLoop", "Brightpath Academy", "Vidya Online", "CodeSprout"],
    "logistics": ["ParcelWing", "Swiftline Couriers", "DakGo", "BoxRelay"],
    "telecom": ["Zentel", "AirWave Mobile", "Pulse Fibre", "NovaTel"],
    "food": ["Tiffino", "Biteful", "Zesto Eats", "Dabba Express", "Curry Courier"],
    "saas": ["Quillo", "DeskPilot", "Ledgerly", "SyncHive", "Taskmint"],
    "insurance": ["SecureNest Insurance", "Harbor Life", "Kavach General", "Evergreen Assure"],
    "realestate": ["Skyline Realty", "Greenacre Homes", "Urban Nest Properties", "Baywater"],
    "utilities": ["CityPower", "AquaServe", "GreenGrid Energy", "MetroGas"],
}
# French, Italian and German rows are sent by invented local-sounding brands (the rows of the
# other languages keep BRANDS, so their text does not change).
BRANDS_LANG = {
    "fr": {
        "retail": ["Maison Lunelle", "Atelier Brume", "Galeries Sorel"],
        "banking": ["Banque Verdelle", "Crédit Solenne"],
        "travel": ["Escale Azur Voyages", "Trajectoire Voyages"],
        "health": ["Centre Médical Lavande", "Cabinet Santé Plume"],
        "education": ["École Lumen", "Académie Cerf-Volant"],
        "logistics": ["Transports Mirabel", "Relais Pivert"],
        "telecom": ["Ondéa Mobile", "FibrElan"],
        "food": ["Bistrot Minute", "La Gamelle Livrée"],
        "saas": ["Cadranet", "Tablio"],
        "insurance": ["Assurances Mistral", "Mutuelle Hirondelle"],
        "realestate": ["Immobilière des Quais", "Pierre & Jardin"],
        "utilities": ["Énergie Clairval", "Eaux du Val Doré"],
    },
    "it": {
        "retail": ["Casa Lucerna", "Bottega Aurora", "Stile Vela"],
        "banking": ["Banca Altavilla", "Credito Levante"],
        "travel": ["Viaggi Maestrale", "Rotte Blu"],
        "health": ["Poliambulatorio Girasole", "Clinica Arcobaleno"],
        "education": ["Accademia Quadrifoglio", "Scuola Faro"],
        "logistics": ["Corriere Rondine", "Spedizioni Lampo"],
        "telecom": ["Onda Mobile", "FibraViva"],
        "food": ["Pranzo Veloce", "Forno Felice"],
        "saas": ["Agendix", "Contabilo"],
        "insurance": ["Assicurazioni Scudo Blu", "Tutela Serena"],
        "realestate": ["Immobiliare Portico", "Case del Borgo"],
        "utilities": ["Energia Valdora", "Acque del Colle"],
    },
    "de": {
        "retail": ["Hausglück", "Modewerk Lind", "Nordlicht Mode"],
        "banking": ["Rheintal Bank", "Kontora Bank"],
        "travel": ["Reisewerk Alpina", "Wolkenweit Reisen"],
        "health": ["Praxiszentrum Lindenhof", "Gesundheitszentrum am Park"],
        "education": ["Lernwerk Akademie", "Sprachschule Kompass"],
        "logistics": ["Paketblitz", "Kurier Eilbote"],
        "telecom": ["Funkwelle Mobil", "Glasnetz"],
        "food": ["Tellerwerk", "Lieferküche Sonnenschein"],
        "saas": ["Taktwerk", "Belegfix"],
        "insurance": ["Hanse Schutz Versicherung", "Eichenhof Versicherung"],
        "realestate": ["Immo Seeblick", "Wohnbau Lindenhain"],
        "utilities": ["Stromkraft Süd", "Wasserwerk Auental"],
    },
}

PRODUCTS = {
    "retail": [
        "wireless earbuds",
        "linen kurta",
        "ceramic dinner set",
        "running shoes",
        "denim jacket",
        "phone case",
        "smartwatch",
        "cotton bedsheet set",
        "air fryer",
        "travel backpack",
        "desk lamp",
        "yoga mat",
    ],
    "food": [
        "paneer tikka bowl",
        "margherita pizza",
        "veg thali",
        "sushi platter",
        "chicken biryani",
        "mango smoothie",
        "falafel wrap",
        "chocolate lava cake",
    ],
    "travel": [
        "Goa weekend package",
        "Lisbon city break",
        "Bali getaway",
        "Dubai stopover",
        "Kerala houseboat stay",
        "Swiss rail pass",
    ],
    "banking": [
        "Platinum credit card",
        "personal loan",
        "home loan",
        "fixed deposit",
        "travel forex card",
        "gold loan",
    ],
    "insurance": [
        "health policy",
        "term life cover",
        "car insurance",
        "home insurance",
        "travel insurance",
        "critical illness cover",
    ],
    "education": [
        "Data Science Foundations course",
        "IELTS prep batch",
        "Python bootcamp",
        "Spoken English course",
        "Digital Marketing 101",
    ],
    "telecom": ["5G router", "Unlimited 5G plan", "Fibre 300 plan", "eSIM", "mesh Wi-Fi kit"],
    "saas": [
        "AI meeting notes",
        "shared inbox",
        "analytics dashboard",
        "mobile app",
        "invoice automation",
    ],
    "health": [
        "full body checkup",
        "home sample collection",
        "vitamin D test",
        "teeth whitening",
        "annual health pass",
    ],
    "realestate": [
        "2BHK at Greenfield Heights",
        "3-bed villa at Palm Grove",
        "Unit 14B, Lakeview Towers",
        "Plot 22, Sunrise Enclave",
    ],
    "utilities": ["solar rooftop kit", "smart meter", "home energy audit", "water purifier"],
    "logistics": ["express shipping", "same-day delivery", "bulk shipping", "doorstep pickup"],
}

PROJECTS = ["Greenfield Heights", "Palm Grove Residences", "Lakeview Towers", "Sunrise Enclave"]

PLANS = {
    "telecom": ["Unlimited 5G plan", "Fibre 300 plan", "Family Share plan", "Roaming pack"],
    "saas": ["Pro plan", "Team plan", "Business plan", "Premium plan", "Starter plan"],
    "education": ["Premium membership", "All-Access Pass", "Plus subscription"],
    "health": ["Wellness Plus membership", "Gold health plan", "Care Annual plan"],
    "insurance": ["Family Floater plan", "Secure Plus plan"],
    "food": ["Gold membership", "Plus membership", "Meal Pass"],
    "retail": ["Plus membership", "Style Club membership"],
    "banking": ["Priority Banking plan", "card membership"],
    "utilities": ["Green Energy plan", "Fixed Rate plan"],
    "travel": ["Flyer Plus membership", "Trip Pass"],
    "realestate": ["Premium Listing plan"],
    "logistics": ["Business Shipping plan"],
}
# French/Italian plan names are all masculine and German ones all neuter, so the skeletons'
# "votre <plan> sera renouvelé", "il tuo <plan>", "dein <plan>" agree with any of them.
PLANS_LANG = {
    "fr": {
        "telecom": ["forfait Mobile 5G 100 Go", "abonnement Box Fibre"],
        "saas": ["abonnement Pro", "abonnement Équipe", "abonnement Business"],
        "utilities": ["contrat Électricité Verte", "contrat Prix Fixe"],
        "insurance": ["contrat Santé Plus", "contrat Habitation Sérénité"],
        "banking": ["forfait Compte Essentiel"],
        "health": ["abonnement Bien-être"],
        "food": ["abonnement Livraison Illimitée"],
        "_": ["abonnement Premium", "abonnement Club"],
    },
    "it": {
        "telecom": ["abbonamento Fibra 1 Giga", "piano Mobile 5G 100 GB"],
        "saas": ["piano Pro", "piano Business", "abbonamento Team"],
        "utilities": ["contratto Luce Verde", "contratto Gas Prezzo Fisso"],
        "insurance": ["contratto Salute Plus", "contratto Casa Sicura"],
        "banking": ["conto Smart"],
        "health": ["abbonamento Benessere"],
        "food": ["abbonamento Consegne Gratis"],
        "_": ["abbonamento Premium", "abbonamento Plus"],
    },
    "de": {
        "telecom": ["Mobilfunkpaket 5G L", "Glasfaser-Paket 500"],
        "saas": ["Pro-Abo", "Team-Abo", "Business-Abo"],
        "utilities": ["Ökostrom-Paket", "Festpreis-Paket Gas"],
        "insurance": ["Zahnzusatz-Paket", "Hausrat-Paket Plus"],
        "banking": ["Girokonto-Paket Komfort"],
        "health": ["Vorsorge-Abo"],
        "food": ["Liefer-Abo Plus"],
        "_": ["Premium-Abo", "Plus-Abo"],
    },
}

SERVICES = {
    "health": [
        "full body checkup",
        "dental cleaning",
        "eye test",
        "blood test",
        "physiotherapy session",
        "vaccination",
        "follow-up consultation",
    ],
    "telecom": ["fibre installation", "router replacement", "line repair visit"],
    "utilities": ["meter reading", "gas safety check", "solar panel inspection"],
    "banking": ["locker visit", "loan document review", "account opening visit"],
    "insurance": ["vehicle inspection", "policy review call", "medical check-up"],
    "education": ["counselling session", "campus tour", "demo class"],
    "realestate": ["site visit", "property valuation", "handover inspection"],
    "retail": ["alteration fitting", "store pickup", "installation visit"],
    "food": ["catering tasting"],
    "travel": ["visa appointment", "airport transfer"],
    "saas": ["onboarding call", "product demo", "data migration call"],
    "logistics": ["pickup", "warehouse visit"],
}

CATEGORIES = {
    "retail": ["footwear", "home decor", "winter wear", "electronics", "ethnic wear", "kitchen"],
    "food": ["pizzas", "biryanis", "desserts", "burgers", "healthy bowls"],
    "travel": ["international flights", "hotel stays", "holiday packages"],
    "health": ["health checkups", "lab tests", "wellness packages"],
    "education": ["courses", "test prep batches"],
    "telecom": ["prepaid packs", "fibre plans"],
    "banking": ["card spends", "travel bookings"],
    "saas": ["annual plans", "add-ons"],
    "insurance": ["health plans", "motor policies"],
    "realestate": ["new launches", "ready-to-move homes"],
    "utilities": ["smart home devices", "solar kits"],
    "logistics": ["international shipments", "bulk orders"],
}

STORES = {
    "retail": [
        "the Koramangala store",
        "our MG Road store",
        "our Downtown store",
        "the Westfield outlet",
        "the Bay Mall store",
    ],
    "food": ["Spice Route Kitchen", "Nonna's Pizzeria", "Green Bowl Cafe", "Tandoor Tales"],
    "logistics": ["the Andheri hub", "Pickup Point 18, Sector 18", "the Whitefield locker"],
}

NAMES = {
    "en": [
        "Priya",
        "Rahul",
        "Sarah",
        "James",
        "Aisha",
        "Carlos",
        "Mei",
        "Tom",
        "Fatima",
        "Lucas",
        "Arjun",
        "Chloe",
        "Daniel",
        "Nadia",
        "Omar",
        "Grace",
        "Ravi",
        "Emily",
        "Kwame",
        "Zoe",
    ],
    "es": ["María", "José", "Lucía", "Diego", "Camila", "Javier", "Valentina", "Andrés"],
    "pt": ["João", "Mariana", "Pedro", "Beatriz", "Rafael", "Larissa", "Thiago", "Camila"],
    "hi-Latn": ["Rohit", "Sneha", "Amit", "Pooja", "Vikram", "Neha", "Karan", "Anjali"],
    "hi": ["रोहित", "स्नेहा", "अमित", "पूजा", "विक्रम", "नेहा"],
    "id": ["Budi", "Siti", "Rina", "Agus", "Dewi", "Andi", "Putri", "Fajar"],
    "fr": ["Camille", "Léa", "Julien", "Thomas", "Chloé", "Nicolas", "Manon", "Hugo", "Inès"],
    "it": ["Giulia", "Marco", "Francesca", "Luca", "Chiara", "Alessandro", "Sara", "Niccolò"],
    "de": ["Anna", "Lukas", "Lena", "Jonas", "Sophie", "Felix", "Jürgen", "Marie", "Björn"],
}

DOCTORS = {
    "en": ["Dr. Mehta", "Dr. Sarah Collins", "Dr. Rao", "Dr. Okafor", "Dr. Lee", "Dr. Iyer"],
    "es": ["la Dra. García", "el Dr. Romero", "la Dra. Morales"],
    "pt": ["a Dra. Souza", "o Dr. Almeida", "a Dra. Ribeiro"],
    "hi-Latn": ["Dr. Sharma", "Dr. Verma", "Dr. Kapoor"],
    "hi": ["डॉ. शर्मा", "डॉ. वर्मा"],
    "id": ["dr. Santoso", "dr. Wulandari", "dr. Hidayat"],
    # fr/it carry their article ("avec le Dr Martin", "con la Dott.ssa Bianchi"); de ones follow
    # "bei" (dative: "bei Herrn Dr. Fischer")
    "fr": ["le Dr Martin", "le Dr Lefèvre", "le docteur Girard", "le Dr Sophie Lambert"],
    "it": ["il Dott. Rossi", "la Dott.ssa Bianchi", "il Dott. Esposito", "la Dott.ssa Ricci"],
    "de": ["Dr. Müller", "Dr. Schneider", "Frau Dr. Weber", "Herrn Dr. Fischer"],
}

PLACES = {
    "en": [
        "Mumbai",
        "Bengaluru",
        "Delhi",
        "London",
        "Dubai",
        "Lisbon",
        "Austin",
        "Pune",
        "Goa",
        "Manchester",
        "Singapore",
        "Nairobi",
    ],
    "es": ["Madrid", "Ciudad de México", "Bogotá", "Sevilla", "Lima"],
    "pt": ["São Paulo", "Lisboa", "Rio de Janeiro", "Porto", "Curitiba"],
    "hi-Latn": ["Mumbai", "Delhi", "Jaipur", "Lucknow", "Indore"],
    "hi": ["मुंबई", "दिल्ली", "जयपुर"],
    "id": ["Jakarta", "Bandung", "Surabaya", "Yogyakarta"],
    "fr": ["Paris", "Lyon", "Marseille", "Toulouse", "Bordeaux", "Lille", "Nantes"],
    "it": ["Milano", "Roma", "Torino", "Napoli", "Bologna", "Firenze"],
    "de": ["Berlin", "München", "Hamburg", "Köln", "Frankfurt am Main", "Stuttgart"],
}

PRODUCTS_LANG = {
    "es": ["zapatillas deportivas", "auriculares inalámbricos", "chaquetas vaqueras", "tazas"],
    "pt": ["tênis de corrida", "fone sem fio", "relógio inteligente", "liquidificador"],
    "id": ["sepatu lari", "earphone nirkabel", "jaket denim", "rice cooker"],
    "hi-Latn": ["wireless earbuds", "cotton kurta", "running shoes", "mixer grinder"],
    "hi": ["वायरलेस ईयरबड्स", "सूती कुर्ता", "स्मार्टवॉच", "मिक्सर ग्राइंडर"],
    # used after "votre", a colon or "Article :" (no gendered article in the skeletons)
    "fr": [
        "casque sans fil",
        "veste en jean",
        "montre connectée",
        "machine à café",
        "sac à dos",
        "friteuse sans huile",
    ],
    "it": [
        "cuffie wireless",
        "giacca di jeans",
        "smartwatch",
        "macchina per il caffè",
        "zaino da viaggio",
        "friggitrice ad aria",
    ],
    "de": [
        "Kopfhörer Sono Pro",
        "Jeansjacke Classic",
        "Smartwatch Fit 3",
        "Kaffeevollautomat Barista One",
        "Rucksack Urban 25",
        "Heißluftfritteuse XL",
    ],
}

CATEGORIES_LANG = {
    "es": ["calzado", "ropa de invierno", "electrónica", "hogar"],
    "pt": ["calçados", "moda inverno", "eletrônicos", "casa e decoração"],
    "id": ["fashion", "elektronik", "perlengkapan rumah", "sepatu"],
    "hi-Latn": ["fashion", "electronics", "kitchen items", "footwear"],
    "hi": ["कपड़ों", "इलेक्ट्रॉनिक्स", "जूतों"],
    # fr follows "sur" (with its article), it "su" (bare plurals), de "auf" (bare plurals)
    "fr": [
        "les chaussures",
        "la mode hiver",
        "le petit électroménager",
        "la déco",
        "les sacs et accessoires",
    ],
    "it": [
        "scarpe e sneakers",
        "giacche e cappotti",
        "borse e accessori",
        "piccoli elettrodomestici",
    ],
    "de": ["Schuhe", "Winterjacken", "Elektronik", "Haushaltsgeräte", "Wohnaccessoires"],
}

PRIZES = {
    "en": [
        "a 55-inch smart TV",
        "a weekend trip for two",
        "a year of groceries",
        "a mountain bike",
        "noise-cancelling headphones",
        "a family holiday",
    ],
    "pt": ["uma smart TV", "uma viagem para dois", "um vale-compras"],
    "id": ["sepeda motor", "smart TV 55 inci", "liburan ke Bali untuk dua orang"],
    "hi": ["स्मार्ट टीवी", "गोवा की ट्रिप", "सोने का सिक्का"],
    "fr": [
        "une smart TV 55 pouces",
        "un week-end pour deux à Lisbonne",
        "un vélo électrique",
        "un bon d'achat de 500 €",
    ],
    "it": [
        "una smart TV da 55 pollici",
        "un weekend per due a Parigi",
        "una bici elettrica",
        "un buono spesa da 500 €",
    ],
    # accusative, after "gewinnen"
    "de": [
        "einen Smart-TV mit 55 Zoll",
        "ein Wochenende für zwei in Wien",
        "ein E-Bike",
        "einen Einkaufsgutschein über 500 €",
    ],
}

EVENTS = [
    "the Spring Style Preview",
    "our Home Buyers Expo",
    "Investing 101",
    "the Wellness Weekend",
    "Careers in Data Science",
    "Customer Appreciation Night",
    "the Product Roadmap Live",
    "Managing Diabetes Day to Day",
]
EVENTS_LANG = {
    "es": ["la Noche de Clientes", "nuestro Taller de Ahorro", "la Feria de Vivienda"],
    "pt": ["a Noite do Cliente", "o Workshop de Finanças"],
    # fr follows "à", it "all'evento", de "zu" (dative)
    "fr": [
        "notre soirée clients",
        "notre atelier « Bien gérer son budget »",
        "nos portes ouvertes",
    ],
    "it": ["Serata Clienti", "Open Day Casa", "Workshop Risparmio Energetico"],
    "de": [
        "unserem Kundenabend",
        "unserem Tag der offenen Tür",
        "unserem Workshop „Clever sparen“",
    ],
}
TOPICS = [
    "smart budgeting",
    "healthy breakfasts",
    "remote work",
    "buying your first home",
    "exam prep",
    "travelling on a budget",
    "saving energy at home",
    "staying safe online",
]
DEVICES = [
    "Chrome on Windows",
    "Safari on an iPhone",
    "Firefox on Linux",
    "an Android phone",
    "a new Mac",
    "Edge on Windows 11",
]
DEVICES_LANG = {
    "es": ["Chrome en Windows", "un teléfono Android", "Safari en un iPhone"],
    # fr after "depuis", it after "da", de after "von" (dative)
    "fr": ["Chrome sous Windows", "un téléphone Android", "Safari sur iPhone", "un nouveau Mac"],
    "it": ["Chrome su Windows", "uno smartphone Android", "Safari su iPhone", "un nuovo Mac"],
    "de": ["Chrome unter Windows", "einem Android-Smartphone", "Safari auf einem iPhone"],
}
MERCHANTS = [
    "Northside Pharmacy",
    "Metro Cinemas",
    "Bluebay Electronics",
    "Corner Grocers",
    "City Fuel Station",
    "Harbor Books",
]
MERCHANTS_LANG = {
    "fr": ["Pharmacie du Marché", "Librairie des Quais", "Cinéma Le Royal", "Épicerie Dupont"],
    "it": ["Farmacia Centrale", "Libreria Dante", "Cinema Astra", "Alimentari Rossi"],
    "de": ["Apotheke am Markt", "Buchhandlung Lindner", "Kino Capitol", "Bäckerei Schmitt"],
}
MONTHS = {
    "en": ["January", "March", "April", "June", "August", "October", "December"],
    "es": ["enero", "marzo", "abril", "junio", "octubre", "diciembre"],
    "pt": ["janeiro", "março", "abril", "junho", "outubro", "dezembro"],
    "hi-Latn": ["January", "March", "April", "June", "October", "December"],
    "hi": ["जनवरी", "मार्च", "अप्रैल", "जून"],
    "id": ["Januari", "Maret", "April", "Juni", "Oktober", "Desember"],
    "fr": ["janvier", "mars", "avril", "juin", "octobre", "décembre"],
    "it": ["gennaio", "marzo", "aprile", "giugno", "ottobre", "dicembre"],
    "de": ["Januar", "März", "April", "Juni", "Oktober", "Dezember"],
}
PROMOS = ["SAVE20", "FEST25", "HELLO10", "WELCOME15", "WEEKEND30", "TREAT50", "EXTRA12", "YAY100"]

GREETINGS = {
    "en": [
        "",
        "",
        "Hi <name>, ",
        "Hello <name>, ",
        "Dear <name>, ",
        "Hey <name> 👋 ",
        "Hi <name>!\n",
    ],
    "es": ["", "Hola <name>, ", "¡Hola <name>! ", "Hola <name> 👋 "],
    "pt": ["", "Olá <name>, ", "Oi <name>! ", "Olá, <name>! "],
    "hi-Latn": ["", "Hi <name>, ", "Namaste <name>, ", "Hello <name> ji, "],
    "hi": ["", "नमस्ते <name>, ", "प्रिय <name>, "],
    "id": ["", "Halo <name>, ", "Hai <name>! ", "Halo Kak <name>, "],
    "fr": ["", "Bonjour <name>, ", "Bonjour <name> ! ", "Hello <name> 👋 "],
    "it": ["", "Ciao <name>, ", "Ciao <name>! ", "Buongiorno <name>, "],
    "de": ["", "Hallo <name>, ", "Hallo <name>! ", "Hallo <name> 👋 "],
}
# fr/it/de greetings suit both registers (the skeletons mix vous/tu, Lei/tu, Sie/du); Italian
# skeletons in the Lei form write their own "Gentile <name>," instead of <greet>.
SIGNOFFS = {
    "en": ["", "", "", "\n\n— Team <brand>", "\n\nThanks,\n<brand>", "\n\nRegards, <brand>"],
    "es": ["", "", "\n\n— Equipo <brand>", "\n\nGracias, <brand>"],
    "pt": ["", "", "\n\n— Equipe <brand>", "\n\nObrigado, <brand>"],
    "hi-Latn": ["", "", "\n\n- Team <brand>", " Dhanyavaad!"],
    "hi": ["", "", "\n\n- टीम <brand>"],
    "id": ["", "", "\n\nSalam, <brand>", "\n\nTerima kasih, Tim <brand>"],
    "fr": ["", "", "\n\nL'équipe <brand>", "\n\nÀ bientôt,\n<brand>"],
    "it": ["", "", "\n\nIl team <brand>", "\n\nGrazie,\n<brand>"],
    "de": ["", "", "\n\nViele Grüße\n<brand>", "\n\nBeste Grüße\nTeam <brand>"],
}
EMOJI = {
    "marketing": ["🎉", "🔥", "✨", "🛍️", "🎁", "😍", "💥", "🙌", "⭐"],
    "utility": ["📦", "✅", "🧾", "📅", "🔔", "🚚", "👍"],
    "authentication": ["🔐", "🔒"],
}

# Variable slots can be rendered as a Meta placeholder ({{1}} or a named {{param}}).
NAMED = {
    "name": "first_name",
    "order_id": "order_id",
    "amount": "amount",
    "amount2": "total_due",
    "date": "date",
    "date2": "end_date",
    "time": "time",
    "time2": "end_time",
    "code": "code",
    "tracking": "tracking_number",
    "last4": "card_last4",
    "ref": "reference",
    "link": "link",
    "points": "points",
    "rider": "rider_name",
    "agent": "agent_name",
    "doctor": "doctor_name",
    "minutes": "minutes",
    "flight": "flight_number",
    "seat": "seat",
}
PLACEHOLDER_P = {"link": 0.35, "minutes": 0.3, "doctor": 0.6, "agent": 0.6, "rider": 0.7}

SLOT_RE = re.compile(r"<([a-z0-9_]+)>")
CHOICE_RE = re.compile(r"\[([^\[\]]*)\]")


# --------------------------------------------------------------------------- filling slots
@dataclass
class Row:
    """Per-row rendering state: language, industry, placeholder mode, numbering."""

    rng: random.Random
    lang: str
    industry: str
    label: str
    mode: str  # numbered | named | filled
    brand: str
    currency: str
    numbers: dict[str, str] = field(default_factory=dict)
    values: dict[str, str] = field(default_factory=dict)
    base_value: float | None = None


def _digits(rng: random.Random, n: int) -> str:
    return str(rng.randint(1, 9)) + "".join(str(rng.randint(0, 9)) for _ in range(n - 1))


def _group(n: int, sep: str = ",") -> str:
    return f"{n:,}".replace(",", sep)


BASE_VALUES = {
    "₹": [99, 199, 249, 499, 799, 999, 1299, 2499, 4999, 12500, 18750],
    "Rp": [49000, 99000, 150000, 275000, 499000, 1250000],
    "R$": [19.9, 49.9, 89.9, 129.0, 249.0, 599.0],
}
DEFAULT_VALUES = [4.99, 9.99, 12.99, 19.0, 29.5, 49.99, 89.0, 149.0, 320.0, 1250.0]


def _format_amount(row: Row, v: float) -> str:
    rng, cur = row.rng, row.currency
    if cur == "₹":
        n = round(v)
        return rng.choice([f"₹{_group(n)}", f"₹{_group(n)}", f"Rs. {_group(n)}", f"INR {n}.00"])
    if cur == "Rp":
        return f"Rp{_group(round(v / 1000) * 1000, '.')}"
    cents = f"{v:,.2f}"
    if cur == "€" and row.lang in ("fr", "it", "de"):
        # 1 250,00 € (fr), 1.250,00 € (de), € 1.250,00 or 1.250,00 € (it); whole sums may
        # drop the cents (19 €)
        sep = " " if row.lang == "fr" else "."
        local = cents.replace(",", " ").replace(".", ",").replace(" ", sep)
        if v == int(v) and rng.random() < 0.4:
            local = _group(int(v), sep)
        if row.lang == "it" and rng.random() < 0.5:
            return f"€ {local}"
        return f"{local} €"
    if cur == "R$" or (cur == "€" and row.lang in ("es", "pt")):
        local = cents.replace(",", " ").replace(".", ",").replace(" ", ".")
        return f"R$ {local}" if cur == "R$" else f"{local} €"
    return rng.choice([f"{cur}{cents}", f"{cur}{cents}", f"{cur}{math.floor(v):,}"])


def _amount(row: Row, second: bool = False) -> str:
    """``<amount>`` is the main figure; ``<amount2>`` a smaller one in the same currency."""
    if row.base_value is None:
        row.base_value = row.rng.choice(BASE_VALUES.get(row.currency, DEFAULT_VALUES))
    v = row.base_value
    if second:
        v = v * row.rng.choice([0.1, 0.2, 0.25, 0.5, 0.75])
        v = round(v) if row.currency in ("₹", "Rp") else round(v, 2)
    return _format_amount(row, v)


DATE_FORMATS = {
    "en": [
        "{d} {M}",
        "{M} {d}",
        "{d}/{m:02d}/2025",
        "{wd}, {d} {Ms}",
        "{d} {Ms} 2025",
        "2025-{m:02d}-{d:02d}",
    ],
    "es": ["{d} de {M}", "{d}/{m:02d}/2025"],
    "pt": ["{d} de {M}", "{d:02d}/{m:02d}"],
    "hi-Latn": ["{d} {M}", "{d}/{m:02d}/2025"],
    "hi": ["{d} {M}"],
    "id": ["{d} {M} 2025", "{d}/{m:02d}/2025"],
    # {d1} is the day with French "1er" / Italian "1°" for the first of the month
    "fr": ["{d1} {M}", "{d1} {M}", "{d:02d}/{m:02d}/2025", "{d1} {M} 2025"],
    "it": ["{d1} {M}", "{d1} {M}", "{d:02d}/{m:02d}/2025", "{d:02d}/{m:02d}"],
    "de": ["{d}. {M}", "{d}. {M}", "{d:02d}.{m:02d}.2025", "{d}. {M} 2025"],
}
MONTH_FULL = {
    "en": [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ],
    "es": [
        "enero",
        "febrero",
        "marzo",
        "abril",
        "mayo",
        "junio",
        "julio",
        "agosto",
        "septiembre",
        "octubre",
        "noviembre",
        "diciembre",
    ],
    "pt": [
        "janeiro",
        "fevereiro",
        "março",
        "abril",
        "maio",
        "junho",
        "julho",
        "agosto",
        "setembro",
        "outubro",
        "novembro",
        "dezembro",
    ],
    "hi-Latn": [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ],
    "hi": [
        "जनवरी",
        "फ़रवरी",
        "मार्च",
        "अप्रैल",
        "मई",
        "जून",
        "जुलाई",
        "अगस्त",
        "सितंबर",
        "अक्टूबर",
        "नवंबर",
        "दिसंबर",
    ],
    "id": [
        "Januari",
        "Februari",
        "Maret",
        "April",
        "Mei",
        "Juni",
        "Juli",
        "Agustus",
        "September",
        "Oktober",
        "November",
        "Desember",
    ],
    "fr": [
        "janvier",
        "février",
        "mars",
        "avril",
        "mai",
        "juin",
        "juillet",
        "août",
        "septembre",
        "octobre",
        "novembre",
        "décembre",
    ],
    "it": [
        "gennaio",
        "febbraio",
        "marzo",
        "aprile",
        "maggio",
        "giugno",
        "luglio",
        "agosto",
        "settembre",
        "ottobre",
        "novembre",
        "dicembre",
    ],
    "de": [
        "Januar",
        "Februar",
        "März",
        "April",
        "Mai",
        "Juni",
        "Juli",
        "August",
        "September",
        "Oktober",
        "November",
        "Dezember",
    ],
}
FIRST_OF_MONTH = {"fr": "1er", "it": "1°"}
WEEKDAYS = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]


def _date(row: Row) -> str:
    rng = row.rng
    d, m = rng.randint(1, 28), rng.randint(1, 12)
    month = MONTH_FULL[row.lang][m - 1]
    fmt = rng.choice(DATE_FORMATS[row.lang])
    d1 = FIRST_OF_MONTH.get(row.lang, "1") if d == 1 else str(d)
    return fmt.format(d=d, d1=d1, m=m, M=month, Ms=month[:3], wd=rng.choice(WEEKDAYS))


def _time(row: Row) -> str:
    rng = row.rng
    h, mm = rng.randint(7, 20), rng.choice([0, 0, 15, 30, 45])
    if row.lang == "en" and rng.random() < 0.6:
        h12 = h - 12 if h > 12 else h
        return f"{h12}:{mm:02d} {'PM' if h >= 12 else 'AM'}"
    if row.lang == "hi-Latn":
        return f"{h - 12 if h > 12 else h}:{mm:02d}"
    if row.lang == "fr" and rng.random() < 0.7:  # 14h30, 9h
        return f"{h}h{mm:02d}" if mm else f"{h}h"
    return f"{h}:{mm:02d}"


def _pick(row: Row, table: dict[str, list[str]], fallback: list[str]) -> str:
    return row.rng.choice(table.get(row.industry) or fallback)


def _lang_pick(row: Row, table: dict[str, list[str]]) -> str:
    return row.rng.choice(table.get(row.lang) or table["en"])


def _slug(brand: str) -> str:
    ascii_name = unicodedata.normalize("NFKD", brand).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]", "", ascii_name.lower())


TLDS = ["com", "in", "co", "app"]
TLDS_LANG = {"fr": ["fr", "fr", "com"], "it": ["it", "it", "com"], "de": ["de", "de", "com"]}
COUNTRY = {"fr": "FR", "it": "IT", "de": "DE"}


def _link(r: Row) -> str:
    return (
        f"https://{r.rng.choice(['', 'www.', 'm.'])}{_slug(r.brand)}."
        f"{r.rng.choice(TLDS_LANG.get(r.lang, TLDS))}/{r.rng.choice(LINK_PATHS)}"
    )


def _tracking(r: Row) -> str:
    return r.rng.choice(
        [
            "TRK" + _digits(r.rng, 9),
            r.rng.choice(["EZ", "RP", "CK"]) + _digits(r.rng, 9) + COUNTRY.get(r.lang, "IN"),
            "PW" + _digits(r.rng, 8),
        ]
    )


def _points(r: Row) -> str:
    n = r.rng.choice([250, 480, 1200, 2500, 3600, 7500, 12000])
    return _group(n, {"fr": " ", "it": ".", "de": "."}.get(r.lang, ","))


def _percent(r: Row) -> str:
    n = r.rng.choice([10, 15, 20, 25, 30, 40, 50])
    if r.lang == "fr":  # French typography: 20 %
        return f"{n} %"
    if r.lang == "de" and r.rng.random() < 0.5:  # both are common in German
        return f"{n} %"
    return f"{n}%"


def _plan(r: Row) -> str:
    if r.lang in PLANS_LANG:
        table = PLANS_LANG[r.lang]
        return r.rng.choice(table.get(r.industry) or table["_"])
    return _pick(r, PLANS, PLANS["saas"])


LINK_PATHS = ["track", "app", "new", "start", "account", "m/offers", "help", "orders", "go"]

FILLERS: dict[str, Callable[[Row], str]] = {
    "name": lambda r: _lang_pick(r, NAMES),
    "rider": lambda r: _lang_pick(r, NAMES),
    "agent": lambda r: _lang_pick(r, NAMES),
    "doctor": lambda r: _lang_pick(r, DOCTORS),
    "brand": lambda r: r.brand,
    "order_id": lambda r: r.rng.choice(
        [
            "#" + _digits(r.rng, 5),
            "#" + r.rng.choice("ABKMT") + _digits(r.rng, 5),
            "OD" + _digits(r.rng, 10),
            "ORD-" + _digits(r.rng, 6),
        ]
    ),
    "tracking": _tracking,
    "ref": lambda r: r.rng.choice(
        [
            "TXN" + _digits(r.rng, 8),
            "REF-" + _digits(r.rng, 6),
            "CS-" + _digits(r.rng, 5),
            "INV-2025-" + _digits(r.rng, 4),
            r.rng.choice("QWXZ") + r.rng.choice("KLMN") + _digits(r.rng, 4),
        ]
    ),
    "amount": lambda r: _amount(r),
    "amount2": lambda r: _amount(r, second=True),
    "date": _date,
    "date2": _date,
    "time": _time,
    "time2": _time,
    "code": lambda r: r.rng.choice(
        [
            _digits(r.rng, 6),
            _digits(r.rng, 6),
            _digits(r.rng, 4),
            _digits(r.rng, 3) + "-" + _digits(r.rng, 3),
            _digits(r.rng, 8),
        ]
    ),
    "minutes": lambda r: r.rng.choice(["5", "10", "10", "15", "30"]),
    "last4": lambda r: _digits(r.rng, 4),
    "link": _link,
    "points": _points,
    "percent": _percent,
    "promo": lambda r: r.rng.choice(PROMOS),
    "prize": lambda r: _lang_pick(r, PRIZES),
    "device": lambda r: _lang_pick(r, DEVICES_LANG | {"en": DEVICES}),
    "merchant": lambda r: r.rng.choice(MERCHANTS_LANG.get(r.lang, MERCHANTS)),
    "place": lambda r: _lang_pick(r, PLACES),
    "product": lambda r: (
        r.rng.choice(PRODUCTS_LANG[r.lang])
        if r.lang in PRODUCTS_LANG
        else _pick(r, PRODUCTS, PRODUCTS["retail"])
    ),
    "plan": _plan,
    "service": lambda r: _pick(r, SERVICES, SERVICES["health"]),
    "category": lambda r: (
        r.rng.choice(CATEGORIES_LANG[r.lang])
        if r.lang in CATEGORIES_LANG
        else _pick(r, CATEGORIES, CATEGORIES["retail"])
    ),
    "store": lambda r: _pick(r, STORES, STORES["retail"]),
    "course": lambda r: r.rng.choice(PRODUCTS["education"]),
    "property": lambda r: r.rng.choice(PRODUCTS["realestate"]),
    "project": lambda r: r.rng.choice(PROJECTS),
    "event": lambda r: _lang_pick(r, EVENTS_LANG | {"en": EVENTS}),
    "topic": lambda r: r.rng.choice(TOPICS),
    "month": lambda r: _lang_pick(r, MONTHS),
    "flight": lambda r: f"{r.rng.choice(['AV', 'SN', 'WL', 'TR'])} {r.rng.randint(101, 2999)}",
    "gate": lambda r: r.rng.choice("ABCD") + str(r.rng.randint(1, 30)),
    "seat": lambda r: f"{r.rng.randint(1, 72)}",
    "coach": lambda r: r.rng.choice(["B3", "A1", "S7", "C2"]),
    "count": lambda r: r.rng.choice(["2", "3", "4", "6"]),
}


def fill_slot(row: Row, slot: str, before: str) -> str:
    rng = row.rng
    if slot == "e":
        return "" if rng.random() < 0.5 else " " + rng.choice(EMOJI[row.label])
    if slot == "product2":
        first = row.values.get("product")
        for _ in range(10):
            value = FILLERS["product"](row)
            if value != first:
                return value
        return value
    if slot in row.values and slot in NAMED:
        return row.values[slot]
    if slot not in FILLERS:
        raise KeyError(f"unknown slot <{slot}>")
    if slot in NAMED and row.mode != "filled" and rng.random() < PLACEHOLDER_P.get(slot, 0.9):
        if row.mode == "numbered":
            value = "{{" + str(len(row.numbers) + 1) + "}}"
            row.numbers[slot] = value
        else:
            value = "{{" + NAMED[slot] + "}}"
    else:
        value = FILLERS[slot](row)
    bold_ok = slot in NAMED and slot not in ("name", "link", "rider", "agent", "doctor")
    if bold_ok and not before.endswith("*") and rng.random() < 0.15:
        value = f"*{value}*"
    row.values[slot] = value
    return value


def _capitalise(text: str) -> str:
    for i, ch in enumerate(text):
        if ch.isalpha():
            return text[:i] + ch.upper() + text[i + 1 :]
        if ch == "<":  # a slot comes first: leave it
            return text
    return text


def render(group: Group, skeleton: str, rng: random.Random) -> tuple[str, str, str]:
    """Render one skeleton into (text, industry, brand)."""
    industries = group.industries_of(skeleton)
    industry = rng.choice(industries)
    lang, label = group.lang, group.label
    if group.lang == "en":
        currency = rng.choices(["₹", "$", "€", "£"], weights=[40, 25, 15, 20])[0]
    else:
        currency = {"es": "€", "pt": "R$", "id": "Rp", "fr": "€", "it": "€", "de": "€"}.get(
            lang, "₹"
        )
        if lang == "es" and rng.random() < 0.4:
            currency = "$"
    mode = rng.choices(["numbered", "named", "filled"], weights=[40, 15, 45])[0]
    brand = rng.choice(BRANDS_LANG.get(lang, BRANDS)[industry])
    row = Row(rng, lang, industry, label, mode, brand, currency)

    body = skeleton.lstrip("!")
    if body.startswith("<greet>"):
        greet = rng.choice(GREETINGS[lang])
        rest = body[len("<greet>") :]
        if not greet.endswith(", "):
            rest = _capitalise(rest)
        body = greet + rest
    if label != "authentication" and not group.no_sign:
        body += rng.choice(SIGNOFFS[lang])
    if rng.random() < (0.12 if label == "marketing" else 0.04):
        first = body[:1]
        if first.isalpha() or first == "<":
            body = rng.choice(EMOJI[label]) + " " + body

    body = CHOICE_RE.sub(lambda m: rng.choice(m.group(1).split("|")), body)
    out: list[str] = []
    pos = 0
    for m in SLOT_RE.finditer(body):
        out.append(body[pos : m.start()])
        out.append(fill_slot(row, m.group(1), "".join(out)[-1:]))
        pos = m.end()
    out.append(body[pos:])
    text = "".join(out)
    text = re.sub(r"[ \t]+", " ", text)
    # French keeps its space before ! and ? ("Merci !"); other languages lose stray ones
    text = re.sub(r" +([.,])" if lang == "fr" else r" +([.,!?])", r"\1", text)
    text = "\n".join(line.strip() for line in text.split("\n")).strip()
    return text, INDUSTRY_NAMES[industry], row.brand


# --------------------------------------------------------------------------- corpus
def _hash(*parts: str) -> int:
    digest = hashlib.sha256("\x1f".join((str(SEED), *parts)).encode()).hexdigest()
    return int(digest[:16], 16)


def pattern_id(group: Group, index: int) -> str:
    return f"{group.intent}.{group.lang}.{index:02d}"


def assign_splits(groups: list[Group]) -> dict[str, str]:
    """Choose ~20% of skeletons per (intent, language) for test; small groups per label."""
    buckets: dict[tuple[str, str], list[str]] = {}
    counts: dict[tuple[str, str], int] = {}
    for g in groups:
        counts[(g.intent, g.lang)] = counts.get((g.intent, g.lang), 0) + len(g.skeletons)
    for g in groups:
        key = (g.intent, g.lang) if counts[(g.intent, g.lang)] >= 4 else (g.label, g.lang)
        for i in range(len(g.skeletons)):
            buckets.setdefault(key, []).append(pattern_id(g, i))
    split: dict[str, str] = {}
    for key in sorted(buckets):
        ids = sorted(buckets[key], key=lambda p: (_hash("split", p), p))
        n_test = max(1, round(TEST_FRACTION * len(ids))) if len(ids) >= 2 else 0
        for j, pid in enumerate(ids):
            split[pid] = "test" if j < n_test else "train"
    return split


def build() -> list[dict[str, object]]:
    splits = assign_splits(GROUPS)
    seen: set[str] = set()
    rows: list[dict[str, object]] = []
    for group in GROUPS:
        target = ROWS_PER_SKELETON.get(group.lang, ROWS_PER_SKELETON_OTHER)
        for i, skeleton in enumerate(group.skeletons):
            pid = pattern_id(group, i)
            rng = random.Random(_hash("rows", pid))
            made = 0
            for _ in range(target * 10):
                if made == target:
                    break
                text, industry, brand = render(group, skeleton, rng)
                key = " ".join(text.lower().split())
                if key in seen or not MIN_WORDS <= len(text.split()) <= MAX_WORDS:
                    continue
                seen.add(key)
                made += 1
                rows.append(
                    {
                        "text": text,
                        "label": group.label,
                        "intent": group.intent,
                        "industry": industry,
                        # the sender's name (also in its web addresses): training leaves it
                        # out, so the model learns wording, not which invented brand wrote it
                        "brand": brand,
                        "language": group.lang,
                        "source": f"templint-generated:{VERSION}:{pid}",
                        "pattern": pid,
                        "split": splits[pid],
                        "hard_case": skeleton.startswith("!"),
                    }
                )
    return rows


def write(rows: list[dict[str, object]], out: Path) -> None:
    out.parent.mkdir(parents=True, exist_ok=True)
    with out.open("w", encoding="utf-8", newline="\n") as fh:
        for row in rows:
            fh.write(json.dumps(row, ensure_ascii=False) + "\n")


def _table(rows: list[dict[str, object]], key: str, title: str) -> list[str]:
    counts: dict[str, dict[str, int]] = {}
    patterns: dict[str, dict[str, set[str]]] = {}
    for r in rows:
        k, sp = str(r[key]), str(r["split"])
        counts.setdefault(k, {"train": 0, "test": 0})[sp] += 1
        patterns.setdefault(k, {"train": set(), "test": set()})[sp].add(str(r["pattern"]))
    lines = [
        f"## By {title}",
        "",
        f"| {title} | train rows | test rows | train patterns | test patterns |",
        "|---|---:|---:|---:|---:|",
    ]
    for k in sorted(counts, key=lambda k: (-sum(counts[k].values()), k)):
        c, p = counts[k], patterns[k]
        lines.append(f"| {k} | {c['train']} | {c['test']} | {len(p['train'])} | {len(p['test'])} |")
    total = {sp: sum(c[sp] for c in counts.values()) for sp in ("train", "test")}
    total_p = {sp: sum(len(p[sp]) for p in patterns.values()) for sp in ("train", "test")}
    lines.append(
        f"| **all** | {total['train']} | {total['test']} | {total_p['train']} | {total_p['test']} |"
    )
    return [*lines, ""]


def splits_report(rows: list[dict[str, object]]) -> str:
    """Markdown counts per split by label, intent, language and industry."""
    hard = {
        sp: sum(1 for r in rows if r["split"] == sp and r["hard_case"]) for sp in ("train", "test")
    }
    lines = [
        "# templint corpus: split counts",
        "",
        "Generated by `data/build_corpus.py` together with `templates.jsonl`; do not edit by hand.",
        "Test = about 20% of the writing patterns of every intent and language (see README.md);",
        "a pattern's rows are all in one split. A pattern spreads its rows over several",
        "industries, so the pattern columns of the industry table add up to more than the",
        "number of patterns.",
        "",
        f"Rows: {len(rows)}. Hard cases: train {hard['train']}, test {hard['test']}.",
        "",
    ]
    for key, title in (
        ("label", "label"),
        ("intent", "intent"),
        ("language", "language"),
        ("industry", "industry"),
    ):
        lines += _table(rows, key, title)
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=OUT, help="output .jsonl path")
    args = parser.parse_args(argv)
    rows = build()
    write(rows, args.out)
    report = args.out.with_name("splits.md")
    report.write_text(splits_report(rows), encoding="utf-8", newline="\n")
    print(f"wrote {len(rows)} rows to {args.out} and counts to {report}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
