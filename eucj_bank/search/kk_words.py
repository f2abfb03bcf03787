"""Closed word lists of the Kazakh stemmer (eucj_bank/search/kk_stemmer.py).

Both lists are written from grammar and geography, not from any corpus:

- STOP_WORDS: function words that carry no topic: conjunctions, particles,
  postpositions, determiners, the copulas and auxiliaries of formal prose, and the
  personal, demonstrative, reflexive, interrogative and indefinite pronouns with their
  case forms. They are dropped from the index and from queries. The stemmer keeps
  FUNCTION_WORDS (conjunctions, particles, pronouns) whole: оның is not он "ten" +
  -ның, мұнда not мұн + -да.
- PLACE_NAMES: Kazakhstan's regions, their centres and its larger cities, its main
  rivers, and the country names in -стан. Many end in letters that look like endings
  (Қарағанды: -ды, Алматы: -ы, Өскемен: -мен, Қызылорда: -да, Риддер: -дер,
  Қазақстан: -тан), so a name is never cut: endings after it are stripped, letters of
  it are not (Қарағандыда, Қарағандының -> қарағанды). A word of 6 letters or more
  that is the beginning of a name is a name being typed and is kept whole (қостан is
  Қостанай half typed, not қос + -тан "from the pair").
"""

from __future__ import annotations

# Kept whole by the stemmer: conjunctions, particles and pronouns, which are not
# inflected nouns (оның is о "that" + -ның, never он "ten" + -ның).
FUNCTION_WORDS = frozenset("""
және мен бен пен да де та те ал бірақ алайда дегенмен әйтпесе немесе не әрі яғни
сондықтан өйткені егер ендеше сонымен мейлі ия иә
ма ме ба бе па пе ғана қана тек тіпті әсіресе ғой қой ше шы ші
мен менің маған мені менде менен менімен сен сенің саған сені сенде сенен сенімен
біз біздің бізге бізді бізде бізден бізбен сіз сіздің сізге сізді сізде сізден сізбен
сендер сендердің сендерге сендерді сіздер сіздердің сіздерге сіздерді
ол оның оған оны онда одан онымен олар олардың оларға оларды оларда олардан олармен
бұл мұның бұған мұны мұнда бұдан мұнан мұнымен бұлар бұлардың бұларға бұларды
осы осының осыған осыны осында осыдан осымен осылар осылардың
сол соның соған соны сонда содан солар солардың
мына мынау анау міне әне осындай сондай мұндай сонша осынша
өз өзі өзім өзің өзіміз өзіңіз өзін өзінің өзіне өзінде өзінен өзімен өздері өздерінің
кім кімнің кімге кімді не нені неге неден немен қай қайда қайдан қашан қалай қандай
қанша неше неліктен ешкім ештеңе ешқандай ешбір біреу бірдеңе әлдекім
""".split())
# Also dropped from the index and queries, but stemmed like any word when the stemmer
# meets them (in the full text): postpositions, some of them inflected nouns (кез-і-нде,
# ара-сы-нда, себеп-і "because"), determiners, and the auxiliaries and copulas of formal prose.
STOP_WORDS = FUNCTION_WORDS | frozenset("""
үшін туралы жайлы жайында жөнінде бойынша арқылы сияқты секілді сайын гөрі дейін шейін
кейін соң бері қарай қарсы бірге бойы арасында ішінде үстінде астында жанында кезінде
ретінде тарапынан себебі
барлық барлығы бәрі бүкіл әр әрбір кейбір бірнеше
еді екен болып болды болса болған болады болатын табылады бар жоқ емес
""".split())

PLACE_NAMES = (
    # regions (облыстар) and cities of republican significance
    "абай", "ақмола", "ақтөбе", "алматы", "астана", "атырау", "жамбыл", "жетісу", "қарағанды",
    "қостанай", "қызылорда", "маңғыстау", "павлодар", "түркістан", "ұлытау", "шымкент",
    # regional centres and larger towns
    "қонаев", "көкшетау", "орал", "тараз", "талдықорған", "ақтау", "петропавл", "семей",
    "жезқазған", "өскемен", "теміртау", "екібастұз", "рудный", "жаңаөзен", "балқаш",
    "сәтбаев", "риддер", "байқоңыр", "степногорск", "кентау",
    # rivers
    "ертіс", "есіл", "жайық", "тобыл", "сырдария",
    # countries in -стан (elsewhere -тан is the ablative: жұмыс-тан, дос-тан)
    "қазақстан", "өзбекстан", "қырғызстан", "тәжікстан", "түрікменстан", "ауғанстан",
    "пәкістан", "үндістан", "дағыстан", "татарстан", "башқұртстан", "арабстан",
    "күрдістан", "шешенстан",
)
TYPED_NAME_MIN = 6  # letters of a name's beginning kept whole as a name being typed
