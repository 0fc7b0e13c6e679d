"""Lint hand-written drafts that are neither corpus rows nor rule examples, and print how many
each set gets right: a check, outside the generated corpus, of what a writer would see.

    python bench/field_drafts.py [--show]

bench/field_drafts.jsonl holds the drafts (text, declared category, language, the set, and
`expect`: "flag" for a promotion slipped into a UTILITY template, or for mk-1's MARKETING
templates with a problem; "clean" for a plain one).
They were written on 2026-12-06 by a developer, from general knowledge of business messages:

- en-1: 20 promotions in order, booking and billing updates, and the same 20 updates without
  them. Written before three rule changes (TPL161 "try our new", TPL105 "free for 30 days",
  TPL153 an add-on with its price), which were then made to catch the ones they missed.
- en-2: 20 and 20 more, written after those changes and not used to make any (one word list
  change came from them: "chequebook") until 2026-12-07, when its four missed promotions
  shaped TPL154 (shopping-prompt).
- en-3 (2026-12-07): 20 and 20 more, written before TPL154; its misses shaped it too. One
  clean draft was corrected after the first run: it repeated {{1}} and ended on it, which the
  format rules rightly reported.
- audit (2026-12-07): 6 plain notices a first-time user found the classifier flagging (written
  by that user, not by the developer); they shaped the service-notice patterns of the corpus.
- en-4 (2026-12-07): 25 plain notices and 10 promotions written before the model was retrained
  on those patterns and used for nothing else until it had been measured; its missed
  promotions then shaped TPL104, TPL152 and TPL154.
- en-5 (2026-12-07): 20 and 20 written before those rule changes, and measured after them
  (promotions 10 of 20 flagged before and after); its missed promotions then shaped TPL108
  (referral-offer) and more of TPL103 and TPL154.
- en-6 (2026-12-07): 20 and 20 written before that, held out.
- en-7 (2026-12-07, later): 25 plain notices and 25 promotions in UTILITY updates (14 of them
  soft, without discount, sale, offer, free or code), written by a helper that was shown no
  file of the project, and measured before being read: 1 clean draft flagged, 22 of 25
  promotions flagged (12 by a rule). Held out: it has shaped nothing.
- en-8 and ml-2 (2026-12-07, fourth session): 30 plain notices and 30 promotions in English
  (24 of them soft), and 20 and 20 in Spanish, Portuguese, Indonesian, Hindi, Hinglish, French,
  Italian and German, written by a helper shown no file of the project and measured before
  being read. en-8: 4 clean drafts flagged (3 by a rule: two sign-offs after a dash read as
  misspellings, a router set-up guide opening "Welcome to"; 1 by the model: "next week"), 30
  of 30 promotions flagged (24 by a rule). ml-2: 1 clean flagged (a Spanish loan deduction),
  17 of 20 promotions flagged. The misses then shaped TPL201 (a dash's sign-off) and the
  Spanish, Portuguese and Hindi rules they escaped; the model-only false alarms are left.
- en-9 and ml-3 (2026-12-07, fifth session): 30 plain notices and 30 promotions in English, and
  15 and 15 in Spanish, Portuguese, Hindi, Hinglish, Indonesian, French and German, written by a
  helper shown no file of the project and measured before being read. en-9: 3 clean drafts
  flagged (all by a rule: two bodies starting with a variable, TPL323, which Meta does reject;
  a refund asking to confirm bank details on a linked page, TPL184), 24 of 30 promotions
  flagged (15 by a rule). ml-3: 3 clean flagged (two variables at an end, TPL323; a German
  outage notice, model only), 13 of 15 promotions flagged (11 by a rule). Their misses then
  shaped TPL101 (credit set up or reserved, member pricing), TPL107, TPL151, TPL152, TPL184 (a
  request pointing to a link passes) and TPL193: en-9 30 of 30 and ml-3 15 of 15 promotions
  flagged since, so they now measure regressions.
- en-10 and ml-4 (2026-12-07, fifth session, later): 40 plain notices and 40 promotions in
  English (32 of them without discount, sale, offer, free, code or % off), and 20 and 20 in
  Spanish, Portuguese, Hindi, Hinglish, Indonesian, French, German and Italian, written by a
  helper shown no file of the project and measured before being read (at d2ab0ad). en-10: 4
  clean drafts flagged (1 by a rule, 3 by the model), 35 of 40 promotions flagged (18 by a
  rule); ml-4: 1 clean flagged (by a rule), 10 of 20 promotions flagged (6 by a rule).
- en-11 and ml-5 (2026-12-07, fifth session, last): 30 plain notices and 30 promotions in
  English from businesses in Africa, the Middle East, Southeast Asia and Latin America (26 of
  them without discount, sale, offer, free, code or % off), and 20 and 20 in Spanish,
  Portuguese, Indonesian, Hindi, Hinglish, French, German, Italian and Arabic, written by a
  helper shown no file of the project and measured before being read (at d2e1451, after every
  other change of the session): en-11 4 clean drafts flagged (2 by a rule), 27 of 30 promotions
  flagged (12 by a rule); ml-5 0 clean flagged, 14 of 20 promotions flagged (8 by a rule).
  Their misses then shaped TPL101, TPL106, TPL108, TPL152-154, TPL161 (its first Arabic) and
  the accepted words (M-Pesa): en-11 2 clean (by the model) and 30 of 30, ml-5 20 of 20 since.
- en-12 (2026-12-07, sixth session): 40 plain notices and 40 promotions (30 of them one
  clause inside a real update) from US, UK, Australian and Canadian businesses, written by a
  helper shown no file of the project and measured before being read (at 5393818): 2 clean
  drafts flagged (both by format rules: a repeated variable, TPL321, and a body ending on a
  variable, TPL323), 40 of 40 promotions flagged (30 by a rule, 10 by the model alone).
- ml-6 (2026-12-07, sixth session): 25 plain notices and 25 promotions (19 subtle) in Spanish
  (Mexico, Spain), Portuguese, Indonesian, Hindi, Hinglish, Arabic, Italian, German, French and
  Turkish, written by the same kind of helper and measured before being read (at 5393818, the
  Hinglish drafts declared `hi`, the code Meta lists): 2 clean drafts flagged (a Spanish invoice
  saying the discount was already applied, TPL101; a body ending on a variable, TPL323), 18 of 25
  promotions flagged (17 by a rule).
- en-12 and ml-6, after (2026-12-07, sixth session): their misses then shaped TPL101 (early-bird
  and loyalty prices, a pre-approved loan to borrow, Turkish, and an invoice's discount already
  applied, which passes), TPL104, TPL105, TPL142, TPL152-154 and, from another helper's report,
  TPL171: en-12 40 of 40 promotions flagged by a rule, ml-6 1 clean (TPL323) and 25 of 25
  (all by a rule) since, so they now measure regressions.
- en-13, ml-7 and mk-2 (2026-12-07, sixth session, later): written by helpers shown no file of
  the project and measured before being read (at c38ec44 plus the literal pre-test change, which
  changes no finding). en-13: 40 plain notices and 40 promotions from businesses in South Asia
  and the Gulf (Indian English idiom): 3 clean drafts flagged (all by a rule: a microfinance
  "field officer", TPL171; 'incl', TPL201; a bought gift card "redeem it", TPL107), 38 of 40
  promotions flagged (33 by a rule). ml-7: 30 and 30 in Spanish (Colombia, Argentina, Spain),
  Portuguese (Brazil, Portugal), Indonesian, Hindi, Hinglish, Arabic, French, German and Italian
  (the Colombian drafts declared `es`: Meta lists no `es_CO`): 3 clean flagged (a driver who
  "ya llegó", TPL161; two German notices, model only), 16 of 30 promotions flagged (15 by a
  rule). mk-2: 40 plain MARKETING templates and 30 with one problem each, in English and six
  other languages: 1 clean flagged ('rangoli', TPL201), 21 of 30 problems flagged (all by a
  rule; missed: two threats, a PIN request in French, vapes in Indonesian, three prize scams
  and two guaranteed returns outside English).
- en-13, ml-7 and mk-2, after (2026-12-07, sixth session, later): their misses then shaped
  TPL101, TPL103, TPL105, TPL106, TPL108, TPL133, TPL152, TPL153 and TPL161 (promotions), TPL174
  (a vague threat of further action, a Brazilian credit-bureau threat), TPL182 (a French reply
  request with an adverb), TPL601 (vapes in Indonesian and Hindi), TPL602 (a drawn number before
  a handling charge; Portuguese, Spanish, Hindi and Hinglish), TPL603 (German and French), and
  their false alarms TPL161 ('ya llegó' needs something new after it), TPL107 ('redeem it' needs
  points named), TPL171 (a field officer named as a contact) and TPL201's accepted words
  ('rangoli', 'incl.'): en-13 0 clean flagged and 40 of 40, ml-7 2 clean (the model's two
  German notices) and 30 of 30, mk-2 0 clean and 30 of 30 problems, all by a rule, since; so
  they now measure regressions.
- au-1 and hn-1 (2026-12-07, sixth session, last): written by helpers shown no file of the
  project and measured before being read (at acc7cc3). au-1: 25 AUTHENTICATION templates in
  Meta's preset wording (English and eight other languages) and 25 with one problem each (a
  promotion, link, hard-coded code, a request to share the code or a password, extra text): 1
  clean flagged (the Hindi preset, which the model read as UTILITY), 18 of 25 problems flagged
  (undeclared English bodies were not compared with the preset; a French request to give the
  code to an advisor). hn-1: 70 hard negatives, transactional notices built on words a keyword
  linter misreads ("discount code applied twice" refunded, "contest a fine", "G'day", "Pvt.
  Limited"), 50 English and 20 in six other languages: 9 flagged at first (7 by a rule, 2 by the
  model). Two of the 9 were right: an OTP declared UTILITY, which Meta moves to AUTHENTICATION;
  they were relabelled `flag` after reading. Their misses then shaped TPL335 (an undeclared
  English body and its last paragraph compared with the preset and expiry line), TPL186 (a code
  handed to an agent or advisor), TPL101/102 (a code already applied, refunded), TPL131
  (contesting a fine; a prize paid to a winner), TPL201's accepted words and the classifier's
  one-time-code phrases: au-1 0 clean and 25 of 25, hn-1 0 clean since (its last, a school
  raffle ticket already bought, TPL132, passes since fix-left-b).
- hn-2 (2026-12-07, sixth session, last): 60 hard negatives in Spanish, Portuguese, Hindi,
  Hinglish, Indonesian, French, German and Italian (a payroll "descuento", an insurance "premio",
  a statement "lançamento", a card blocked on request, a booking "kode"), written by a helper
  shown no file of the project and measured before being read (at the merge of fix-left-b): 7
  flagged (5 by a rule: three deductions or discounts already applied read as offers, TPL101; a
  public tie-break "sorteo" for school places, TPL132; 'debitará', TPL201; 2 by the model: a
  booking code read as a one-time code, a Hinglish "urgent" document request). They then
  shaped TPL101 (payslip deductions; an Indonesian discount already counted), TPL132 (a public
  tie-break draw), the Spanish dictionary's missing verbs (debitar) and the classifier's booking
  and tracking codes: 1 flagged since (the Hinglish request, by the model).
- en-14, ml-8, mp-1 and hn-3 (2026-12-07, seventh session): written by helpers shown no file
  of the project and measured before being read (at 62d6d7f; mp-1's `en_IN` declared `en`:
  Meta lists no `en_IN`). en-14: 40 plain notices and 40 promotions (34 without discount,
  sale, offer, free, code or voucher) from hospitals, utilities, telecoms, schools, insurers,
  garages, property managers, gyms and banks in Nigeria, Kenya, South Africa, Ghana, the
  Philippines, Singapore, Malaysia, Ireland, New Zealand and Jamaica: 4 clean flagged (all by
  TPL201: 'Kia' of "Kia ora", 'Salamat', a brand 'Eko'), 27 of 40 promotions flagged (18 by a
  rule). ml-8: 30 and 30 in Brazilian Portuguese, Mexican Spanish, Indonesian, Hindi and
  Hinglish: 6 clean flagged (all by a rule: codes the user entered that failed, a payroll
  deduction, a tax rebate already taken off), 18 of 30 promotions flagged (12 by a rule).
  mp-1: 35 minimal pairs (a notice, then the same notice with one clause added that Meta
  objects to) in English and eight other languages, UTILITY, MARKETING and AUTHENTICATION:
  2 clean flagged ('dialling', TPL201; a Portuguese promotion the model read as UTILITY), 25
  of 35 twins flagged (all by a rule). hn-3: 70 hard negatives (dish names and greetings of
  world Englishes, "killer deals", a drop-off code told to the courier, an invoice's loyalty
  discount already applied, Meta's preset with its expiry line), all clean: 14 flagged (11 by
  a rule; 4 of them carry TPL112's warning on a link without https://, which is by design).
- en-14, ml-8, mp-1 and hn-3, after (2026-12-07, seventh session): their misses then shaped
  TPL101/102 (a code the user entered that failed; an invoice's discount already applied; a
  rebate already taken off), TPL107, TPL121, TPL132, TPL141, TPL142, TPL151-154, TPL161,
  TPL162, TPL181/182, TPL186, TPL192 and TPL603 in five languages, and their false alarms
  TPL201 (a run of unknown words read as another language's phrase, a sign-off's first word,
  'kia ora', 'salamat', 'asante', 'dialling', an acronym among lower-case words), TPL105, TPL335
  (the expiry line on the preset's next line) and TPL502 (a courier's drop-off code): en-14 0
  clean and 40 of 40 (39 by a rule), ml-8 0 and 30 of 30, mp-1 1 clean (the model) and 35 of
  35, hn-3 7 of 70 since (two dish lists, TPL201; TPL112's four warnings; a fraud alert the
  model reads as AUTHENTICATION).
- en-15 and ml-9 (2026-12-07, seventh session, last): held out, written by helpers shown no file
  of the project after every other change of the session and measured before being read (at
  48f0fc0): en-15, 30 plain notices and 30 promotions in English (26 without discount, sale,
  offer, free, code or voucher) from airlines to B2B software in ten countries: 2 clean
  flagged (1 by a rule), 25 of 30 promotions flagged (18 by a rule). ml-9, 20 and 20 in
  Spanish (es_AR among them), Portuguese, Indonesian, Hindi, Hinglish, French and German: 1
  clean flagged (a Spanish payroll deduction, TPL101), 11 of 20 promotions flagged (10 by a
  rule). They have shaped nothing.
- en-16, ml-10 and hn-4 (2026-12-07, eighth session): written by helpers shown no file of the
  project and measured before being read (at ae0ba82). en-16: 30 plain notices (4 of them
  AUTHENTICATION) and 30 promotions in English (26 without discount, sale, offer, free, code or
  % off), from power bills to pet grooming: 5 clean flagged (4 are TPL335 on custom
  authentication bodies, which Meta writes itself, and 1 TPL321 on a repeated variable: both
  by design), 26 of 30 promotions flagged (19 by a rule). ml-10: 25 and 25 in Spanish (es_CO
  read as es), Portuguese, Hindi, Hinglish, Indonesian, French, German, Italian, Turkish and
  Arabic: 1 clean flagged (a German price-change notice, the model), 5 of 25 promotions flagged
  (4 by a rule). hn-4: 60 hard negatives in world Englishes and six other languages: 14 flagged
  (8 by TPL201: dish and local words, medicine brands before their strength; 4 TPL335; 1
  TPL112 warning on a link without https://; 1 the model).
- en-16, ml-10 and hn-4, after: their misses shaped TPL101, TPL105-108, TPL151-154, TPL161,
  TPL162, TPL171, TPL172, TPL186, TPL192 and TPL603 in English, Spanish, Portuguese, Hindi,
  Hinglish, Indonesian, French, German and Italian, and gave Turkish and Arabic their first
  patterns; hn-4's false alarms shaped TPL201 (world-English words; a product's name before
  its strength). en-16 30 of 30 (all by a rule), the same 5 clean; ml-10 25 of 25, 1 clean;
  hn-4 7 (the 4 TPL335, the TPL112 warning, 'jus' kept as a typo of 'just', the model).
- ml-12 and hn-5 (2026-12-07, eighth session, later): written by helpers shown no file of the
  project after those changes, measured before being read (at b67c8c9). ml-12: 25 and 25 in
  eleven languages (Dutch among them, which no rule reads): 1 clean flagged (a Mexican
  pharmacy asking for the RFC for an e-invoice, TPL185: Meta's policy names national
  identifiers), 7 of 25 promotions flagged (all by a rule). hn-5: 60 hard negatives in the
  same languages (plans the user chose, mandatory tariff changes, points credited, app
  upgrades): 4 flagged (2 TPL201 on Latin American Spanish words, 2 the model).
- ml-12 and hn-5, after: ml-12's misses shaped TPL107, TPL108, TPL151-154, TPL161 and TPL192
  in nine languages and gave Dutch its first patterns; hn-5's TPL201 words were added
  ('moratorio', 'tarifario', which the Spanish dictionary lacks): ml-12 25 of 25 (all by a
  rule), the same 1 clean; hn-5 2 (the model).
- en-17 and ml-11 (2026-12-07, eighth session): held out, written by helpers shown no file of
  the project at the session's start and first measured after every change of the session
  (at 4ce6c1a). en-17, 25 plain notices and 25 promotions in
  English (22 soft) from banks to cinemas: 3 clean flagged (TPL112's warning on a link without
  https://; TPL101 on "items bought at sale prices are refunded at the price you paid", a
  false alarm; 'Safaricom' read as a misspelling, with the model reading a PIN warning as
  AUTHENTICATION), 25 of 25 promotions flagged (14 by a rule, 11 by the model only). ml-11,
  20 and 20 in Spanish, Portuguese, Hindi, Hinglish, Indonesian, French, German, Italian, Dutch
  and Malay: 0 clean flagged, 13 of 20 promotions flagged (all by a rule). At the session's
  start (ae0ba82) the same drafts gave en-17 3 and 25 (14 by a rule), ml-11 0 and 11 of 20.
  They have shaped nothing.
- en-18 and ml-13 (2026-12-07, ninth session): held out, written by helpers shown no file of
  the project and measured unread at the session's start (15bf30f). en-18, 25 plain notices
  and 25 promotions in English from eleven countries (5 with a second problem: a survey asking
  for income or medical details, a card number request, a threat, a cold call): 2 clean
  flagged (both by a rule), 21 of 25 promotions (12 by a rule, 9 by the model only). ml-13,
  20 and 20 in fourteen languages (Malay, Turkish and Arabic among them): 0 clean flagged,
  5 of 20 promotions (all by a rule).
- en-19, ml-14 and hn-6 (2026-12-07, ninth session): written by helpers shown no file of the
  project, measured before being read (at 15bf30f). en-19: 25 plain notices and 35 promotions
  phrased as care or information ("many households on your street have switched", "your plan
  may no longer suit how you use data", "complete your look", "reply MORE to find out how"):
  3 clean flagged (TPL201 on a sign-off's business name, 2 the model), 28 of 35 promotions (5
  by a rule, 23 by the model only). ml-14: 30 and 30 in Malay, Arabic, Dutch, Turkish,
  European Portuguese and French: 0 clean flagged, 7 of 30 promotions (6 by a rule). hn-6: 60
  hard negatives (50 UTILITY, 10 AUTHENTICATION; half English, half thirteen other languages:
  discounts the customer keeps, a tax PIN for an invoice, prizes already won, voucher
  balances, points statements): 18 flagged (5 TPL335 on authentication text that is not
  Meta's preset, by design; 3 TPL101, 3 TPL132, 2 TPL201, 1 TPL182; 4 the model).
- en-20, hn-7 and ml-15 (2026-12-07, ninth session, later): written by helpers shown no file
  of the project, measured before being read, after the first fixes of the session (en-20 at
  8aa7b43, hn-7 and ml-15 at ba235fc). en-20: 25 plain notices and 35 promotions put as
  questions, tips, care, news, social proof, loyalty, gifts for others and seasonal hampers (5
  with a second problem): 1 clean flagged (TPL201 on "Eid ul-Adha"), 23 of 35 promotions (13 by
  a rule, 10 by the model only). hn-7: 70 hard negatives in the language of care and
  popularity ("most customers receive their refund within", "you're invited to the Annual
  General Meeting", roaming rules "at no extra cost"): 3 flagged (TPL192 on the AGM, TPL191 on
  "welcome to" a country, the model on a German members' meeting). ml-15: 33 plain notices and
  44 promotions in Spanish, Portuguese, Hindi, Hinglish, Indonesian, French, German and
  Italian: 2 clean flagged (TPL201 on 'previsiblemente', the model on a Hinglish points
  statement), 20 of 44 promotions (16 by a rule, 4 by the model only).
- en-19, ml-14, hn-6, en-20, hn-7 and ml-15, after: their misses shaped TPL101, TPL103,
  TPL105, TPL107, TPL108, TPL122, TPL123, TPL142, TPL151-154, TPL161, TPL162, TPL172 and
  TPL192 in English and eleven other languages (Malay for the first time; Arabic read in a plain
  form), their false alarms TPL101 (a discount the customer already has), TPL132 (a prize
  already won), TPL182 (a tax PIN), TPL191, TPL192 (a general meeting) and TPL201 (place names,
  acronyms, a sign-off's business name, festival names, Spanish -mente adverbs). en-19 35 of
  35 (all by a rule), 2 clean (the model); ml-14 30 of 30, 0; hn-6 9 (the 5 TPL335, 4 the
  model); en-20 35 of 35, 0; hn-7 2 (the model); ml-15 44 of 44, 1 (the model).
- en-18 and ml-13 at the session's end (908bb9d), after all of that: en-18 2 clean and 21 of
  25 promotions (12 by a rule), ml-13 0 and 5 of 20: not one more draft than at its start. The
  older held-out sets gained a little (en-7 12 to 14 by a rule, en-15 18 to 19, en-17 14 to 17,
  ml-9 13 to 14 flagged). Two helpers then wrote 40 promotions per language of their own in
  es, pt, fr, de, it, id and hi, widened the rules until all were caught, and measured new sets
  they wrote after each change: 1 of 25 before and after (fr, de, it, id, hi), 2 of 10 to 3 of
  10 and 2 of 10 to 2 of 10 (es, pt). Those patterns were not merged.
- en-21, ml-16, ml-17 and hn-8 (2026-12-08): written by helpers shown no file of the project,
  measured before being read (at 2becc9a and 1fef347, the rules of the session's start). Held
  out: en-21 (25 plain English updates, 35 problems, mostly soft promotions, eleven countries):
  0 clean, 26 of 35 flagged (15 by a rule); ml-16 (es, pt_BR, fr, de, it) and ml-17 (hi,
  Hinglish, id, Indian and other English), 30 updates with a soft promotion and 30 without each,
  written for a model experiment that was not shipped (docs/model.md, 2026-12-08): ml-16 1 clean
  (the model) and 13 of 30 (9 by a rule), ml-17 1 clean (the model) and 20 of 30 (7 by a rule).
  The same at the session's end. hn-8 (70 hard negatives, 40 English and 30 in es, pt_BR, fr,
  de): 14 flagged at first (6 TPL335 on authentication bodies in the writer's words, by design;
  3 TPL134 on a court case, an auction lot and a German auction won; TPL171 on a hedged arrears
  notice; TPL101 on a discount that is a line of the bill, es and pt; 2 the model, a points
  statement and match tickets), which shaped those three rules: 8 since (the 6 TPL335, the 2
  model warnings).
- hn-9 and mk-3 (2026-12-08): written by helpers shown no file of the project, measured before
  being read (at b7dec6b). hn-9: 80 hard negatives in es, pt_BR, fr, de, it, id, hi, tr, nl, ar
  and ms: 7 flagged (TPL101 on discounts a contract provides, already applied, es and fr; TPL105
  on Indonesian free shipping used at checkout; TPL201 on 'punitorios', 'coworking' and
  'Telecable' before "S.A. de C.V."; 2 the model), 2 since (the model). mk-3: 50 plain MARKETING
  templates and 20 with one problem any category is refused for, in English and nine other
  languages: 8 clean flagged (TPL201 on brand names before a business word, 'jollof', 'basmati',
  'lb', '3-seater', 'rooh afza', pt 'smartphones'; 2 the model reading French and Italian
  promotions as UTILITY), 15 of 20 problems (missed: firearms on sale, Hindi betting, a Turkish
  get-rich token sale, an Arabic prize with a fee, French 'colection', which no dictionary
  read). They shaped TPL201, TPL601-603, TPL101 and TPL105: hn-9 2 flagged since (the model);
  mk-3 2 clean (the model), 19 of 20; 20 of 20 since French is spell-checked (TPL201).
- mk-4a and mk-4b (2026-12-08): twin sets by one helper shown no file of the project, 50
  MARKETING templates each (20 plain, 30 with one problem any category is refused for:
  prohibited goods and services, prize scams, guaranteed returns or loans, threats, requests for
  a card number, PIN, password or ID number, shorteners), 5 in English and 45 in twelve other
  languages, no sentence shared. Measured before being read (at 380eb7a): mk-4a 1 clean (the
  model) and 8 of 30 problems flagged (4 by a rule); mk-4b 2 clean (1 by a rule) and 12 of 30
  (8 by a rule). mk-4a's misses then shaped TPL601-603 and TPL181-185 by vocabulary (the
  products, services and verbs of each kind, not the drafts' sentences): mk-4a 1 clean and 29 of
  30 (28 by a rule). mk-4b, held out: 2 clean and 12 of 30 (8 by a rule), the same as before.
  TPL604 (health claims, shaped on hc-1a below) then took mk-4a to 30 and mk-4b to 13 (9 by a rule).
- hc-1a and hc-1b (2026-12-08, second session): twin sets by one helper shown no file of the
  project, 50 each: 25 templates whose one problem is a health claim (a promised cure, an
  illness gone for good, medicine to stop, kilos by a date or without diet; 19 MARKETING, 6
  UTILITY) and 25 plain health templates (lab results, refills, a member's own progress, a gym
  offer, a check-up camp), 15 in English and 35 in eleven other languages. Measured before
  being read (at 1892eb4, before TPL604): hc-1a 4 clean flagged (1 by a rule, TPL201 on
  'glucómetro') and 9 of 25 problems (3 by a rule); hc-1b 4 clean (the model) and 9 of 25 (4 by
  a rule). TPL604, written first from its sources, caught 7 of hc-1a's 25; hc-1a's misses then
  widened it by vocabulary (illness names, "for good" and "no side effects" in each language,
  medicine to stop): hc-1a 3 clean (the model; 'glucómetro' is a word since) and 24 of 25 (24 by
  a rule). hc-1b, held out: 4 clean (the model, as before) and 18 of 25 (15 by a rule; TPL604 13).
  Third session: hc-1a's last miss (a German cure said to make the flu jab needless) shaped
  TPL604's vaccine and immunity claims: 25 of 25; hc-1b unchanged.
- The model retrained on 2026-12-08 (words keep their vowel signs; docs/model.md) moved these,
  each by one draft: clean flagged en-10 2 -> 1, ml-10 1 -> 0, hn-8 8 -> 7, hn-9 2 -> 3 (a Hindi
  Demat-account notice); problems flagged en-9 30 -> 29, ml-17 20 -> 19, mk-4b 13 -> 12.
- tc-1a and tc-1b (2026-12-08, third session): twin sets, each by a helper shown no file of the
  project (one brief, written apart), 50 UTILITY drafts each: 25 with one problem (9 threats
  from collectors, landlords and a telecom: the police, a court case, telling family, employer or
  contacts, a team at the office, blacklisting; 8 surveys or polls that collect data; 8 cold
  outreach) and 25 look-alikes (a factual late fee or service pause, a law firm's court date for
  its client, a booked police verification, post-service feedback, a requested callback, a
  recruiter's reply), 15 in English (Indian, Nigerian, Kenyan, Philippine) and 35 in thirteen
  other languages (Arabic, Malay, Turkish and Swahili among them). Measured before being read
  (at 71634f8): tc-1a 1 clean flagged (the model) and 19 of 25 problems (15 by a rule); tc-1b 2
  clean (1 by a rule) and 18 of 25 (14 by a rule). tc-1a's misses (a threat in Arabic, one in
  Malay, contacts sent the debtor's photo in Nigerian English; cold outreach in Hindi and
  Turkish; a Swahili household survey) then brought Arabic, Malay, Turkish and Swahili to
  TPL121-123, TPL142 and TPL171-174 (and Hindi to the outreach rules): tc-1a 1 clean and 25 of
  25 (21 by a rule). tc-1b, held out: 2 clean (as before) and 21 of 25 (17 by a rule).
- mk-1 (2026-12-07, fifth session): 45 plain MARKETING templates (promotions Meta approves as
  such, in English and six other languages) and 25 MARKETING templates with one problem each
  that any category is refused for (a shortener, a threat, a request for a card number or
  password, a misspelling, a format error, goods Meta's Commerce Policy prohibits, a prize
  scam, guaranteed returns), written by a helper shown no file of the project and measured
  before being read (at 10c7f46): 2 clean drafts flagged (the model's warning that two
  Spanish promotions read as UTILITY), 16 of 25 problems flagged (all by a rule). They then
  shaped the policy family (TPL601-603: prohibited goods, prize scams, guaranteed returns), a
  threat to report a debt to collections (TPL174) and TPL502's MARKETING check: 1 clean and 22
  of 25 problems flagged since (missed: a line shaming the reader's style, and two misspellings
  in capitalised words mid-sentence, which TPL201 takes for names). 'Caramel Machiato' is
  flagged since 'macchiato' joined the word list (fix-c-e): 24 of 25.
- security: 25 code-less security notices (sign-ins, password changes, locked accounts): the
  classifier read 6 as AUTHENTICATION until a template with no code could not be one.
- other-languages: 15 promotions in Spanish, Portuguese, Indonesian, French, Italian, German,
  Hinglish and Hindi, which the rules of those languages were then made to catch, and 18 plain
  updates in the same languages, written after those rules (none flagged). No native speaker
  reviewed them.

A draft counts as flagged when a rule (an error or a warning) or the classifier (TPL501/502)
reports it; the columns split which caught it. The sets that shaped rules measure regressions,
not how well the rules generalise: en-6, en-7, en-15, ml-9, en-17, ml-11, en-18, ml-13, en-21,
ml-16, ml-17, mk-4b, hc-1b and tc-1b are the held-out figures (en-8, ml-2, en-9, ml-3, en-10, ml-4,
en-11, ml-5, en-12, ml-6, en-13, ml-7, mk-2, au-1, hn-1, hn-2, en-14, ml-8, mp-1, hn-3, en-16,
ml-10, hn-4, ml-12, hn-5, en-19, ml-14, hn-6, en-20, hn-7, ml-15, hn-8, hn-9, mk-3, mk-4a,
hc-1a and tc-1a were, for their first measurement above).
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
DRAFTS = Path(__file__).with_name("field_drafts.jsonl")
CLASSIFIER = ("TPL501", "TPL502")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--show", action="store_true", help="print each draft's findings")
    parser.add_argument(
        "--model-dir", help="score with another trained model (templint train --out)"
    )
    parser.add_argument(
        "--drafts",
        type=Path,
        default=DRAFTS,
        help="another file of drafts in the same shape (a set kept unread until measured)",
    )
    args = parser.parse_args()
    from linter.api import lint_text
    from linter.config import Config

    model = {"model-dir": args.model_dir} if args.model_dir else {}
    config = Config(options={"TPL501": model, "TPL502": model}) if model else None

    # set -> expect -> [drafts, flagged, by a rule, by the classifier only]
    counts: dict[str, dict[str, list[int]]] = defaultdict(lambda: defaultdict(lambda: [0] * 4))
    for line in args.drafts.read_text(encoding="utf-8").splitlines():
        draft = json.loads(line)
        found = lint_text(
            draft["text"], category=draft["category"], language=draft["language"], config=config
        )
        for failed in (d for d in found if d.code == "TPL002"):  # a broken rule is no finding
            print(f"rule failed: {failed.message} on {draft['text'][:60]!r}", file=sys.stderr)
        codes = sorted({d.code for d in found if d.severity in ("error", "warning")})
        by_rule = [c for c in codes if c not in CLASSIFIER]
        row = counts[draft["set"]][draft["expect"]]
        row[0] += 1
        row[1] += bool(codes)
        row[2] += bool(by_rule)
        row[3] += bool(codes) and not by_rule
        if args.show:
            mark = "ok " if bool(codes) == (draft["expect"] == "flag") else "XX "
            print(f"{mark}{','.join(codes) or '-':26} {draft['text'][:90]}")
    head = ("set", "expect", "drafts", "flagged", "by a rule", "model only")
    print("{:16} {:6} {:>6} {:>8} {:>10} {:>11}".format(*head))
    for name, by_expect in counts.items():
        for expect, (n, flagged, rule, model) in sorted(by_expect.items()):
            print(f"{name:16} {expect:6} {n:6} {flagged:8} {rule:10} {model:11}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
