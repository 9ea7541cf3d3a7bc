"""Fictional demo data for the `seed_demo` command: the topics and sixty-two members across
Europe (the membership categories are the network's own: members/network.py).

Every organisation and person here is invented; any likeness to a real one is unintended.
Websites and email addresses use the reserved .example domain, and phone numbers are
zeros after the country and area codes. Members whose `_fr` texts are empty show the
English fallback in French, and the two with empty `_en` texts the other way round.
"""

TOPICS = [
    {
        "slug": "prison-visits",
        "name_en": "Prison visits",
        "name_fr": "Visites en prison",
        "description_en": "Making visits to a parent in prison welcoming and suited to children.",
        "description_fr": (
            "Rendre les visites au parent détenu accueillantes et adaptées aux enfants."
        ),
    },
    {
        "slug": "family-contact",
        "name_en": "Calls, letters and video",
        "name_fr": "Appels, courrier et vidéo",
        "description_en": "Helping children keep in touch with their parent between visits.",
        "description_fr": (
            "Aider les enfants à garder le contact avec leur parent entre les visites."
        ),
    },
    {
        "slug": "parenting-in-prison",
        "name_en": "Parenting support in prison",
        "name_fr": "Soutien à la parentalité en détention",
        "description_en": "Helping imprisoned mothers and fathers to go on being parents.",
        "description_fr": (
            "Aider les mères et les pères détenus à continuer d’exercer leur rôle de parent."
        ),
    },
    {
        "slug": "schools",
        "name_en": "Schools and teachers",
        "name_fr": "École et enseignants",
        "description_en": (
            "Helping schools recognise and support pupils who have a parent in prison."
        ),
        "description_fr": (
            "Aider les écoles à repérer et à soutenir les élèves dont un parent est incarcéré."
        ),
    },
    {
        "slug": "wellbeing",
        "name_en": "Mental health and wellbeing",
        "name_fr": "Santé mentale et bien-être",
        "description_en": (
            "Emotional support, counselling and therapy for children and the adults who care for "
            "them."
        ),
        "description_fr": (
            "Soutien émotionnel, écoute et thérapie pour les enfants et les adultes qui s’en "
            "occupent."
        ),
    },
    {
        "slug": "arrest",
        "name_en": "Arrest and police practice",
        "name_fr": "Arrestation et pratiques policières",
        "description_en": "Protecting children before, during and after a parent's arrest.",
        "description_fr": "Protéger les enfants avant, pendant et après l’arrestation d’un parent.",
    },
    {
        "slug": "courts",
        "name_en": "Courts and sentencing",
        "name_fr": "Tribunaux et condamnation",
        "description_en": (
            "Making sure courts consider children when a parent is remanded or sentenced."
        ),
        "description_fr": (
            "Veiller à ce que les tribunaux tiennent compte des enfants lorsqu’un parent est placé "
            "en détention provisoire ou condamné."
        ),
    },
    {
        "slug": "release",
        "name_en": "Release and resettlement",
        "name_fr": "Sortie de prison et réinsertion",
        "description_en": "Preparing children and families for a parent's return home.",
        "description_fr": "Préparer les enfants et les familles au retour du parent à la maison.",
    },
    {
        "slug": "training",
        "name_en": "Training professionals",
        "name_fr": "Formation des professionnels",
        "description_en": (
            "Training prison staff, social workers, police and others who meet these children."
        ),
        "description_fr": (
            "Former le personnel pénitentiaire, les travailleurs sociaux, les policiers et tous "
            "ceux qui rencontrent ces enfants."
        ),
    },
    {
        "slug": "research",
        "name_en": "Research",
        "name_fr": "Recherche",
        "description_en": (
            "Studying what children with imprisoned parents experience and what helps them."
        ),
        "description_fr": (
            "Étudier ce que vivent les enfants de parents détenus et ce qui les aide."
        ),
    },
    {
        "slug": "advocacy",
        "name_en": "Advocacy and policy",
        "name_fr": "Plaidoyer et politiques publiques",
        "description_en": (
            "Changing laws, policies and practice so that children's rights are respected."
        ),
        "description_fr": (
            "Faire évoluer les lois, les politiques et les pratiques pour que les droits de "
            "l’enfant soient respectés."
        ),
    },
    {
        "slug": "participation",
        "name_en": "Young people's voices",
        "name_fr": "Parole des jeunes",
        "description_en": (
            "Involving children and young people in the decisions and services that affect them."
        ),
        "description_fr": (
            "Associer les enfants et les jeunes aux décisions et aux services qui les concernent."
        ),
    },
    {
        "slug": "mothers",
        "name_en": "Mothers in prison",
        "name_fr": "Mères détenues",
        "description_en": (
            "Support for imprisoned mothers and for the children separated from them."
        ),
        "description_fr": "Accompagnement des mères détenues et des enfants séparés d’elles.",
    },
    {
        "slug": "infants",
        "name_en": "Babies and infants",
        "name_fr": "Bébés et jeunes enfants",
        "description_en": (
            "The youngest children, including babies who live with their mother in prison."
        ),
        "description_fr": (
            "Les plus jeunes enfants, y compris les bébés qui vivent en prison avec leur mère."
        ),
    },
    {
        "slug": "carers",
        "name_en": "Peer support for carers",
        "name_fr": "Entraide entre proches",
        "description_en": (
            "Peer groups and advice for the grandparents, parents and relatives who look after the "
            "children."
        ),
        "description_fr": (
            "Groupes d’entraide et conseils pour les grands-parents, les parents et les proches "
            "qui s’occupent des enfants."
        ),
    },
]

MEMBERS = [
    {
        "name": "Familles et Détention Lyon",
        "slug": "familles-et-detention-lyon",
        "acronym": "FDL",
        "kind": "organisation",
        "category": "member-organisation",
        "status": "active",
        "published": True,
        "country": "FR",
        "city": "Lyon",
        "latitude": 45.7640,
        "longitude": 4.8357,
        "website": "https://familles-detention-lyon.example",
        "email": "contact@familles-detention-lyon.example",
        "phone": "+33 4 72 00 00 00",
        "joined_on": "2004-03-12",
        "category_since": "2006-06-20",
        "year_founded": 1994,
        "legal_status": "association",
        "setting": "both",
        "languages": ["fr"],
        "topics": ["prison-visits", "family-contact", "release", "carers"],
        "summary_en": (
            "Runs a visitor centre for families outside the main prison near Lyon, and supports "
            "relatives from the first visit to the day of release."
        ),
        "summary_fr": (
            "Gère une maison d’accueil des familles devant la principale prison de l’agglomération "
            "lyonnaise et accompagne les proches, du premier parloir jusqu’à la sortie."
        ),
        "description_en": (
            "Volunteers welcome families before and after visits, offer children a play corner "
            "while they wait, and explain how visiting works to those coming for the first time. "
            "The association also holds a weekly drop-in in central Lyon and helps families "
            "prepare for a parent's release."
        ),
        "description_fr": (
            "Des bénévoles accueillent les familles avant et après les parloirs, proposent un coin "
            "jeux aux enfants pendant l’attente et expliquent le déroulement des visites à ceux "
            "qui viennent pour la première fois. L’association tient aussi une permanence "
            "hebdomadaire au centre de Lyon et aide les familles à préparer la sortie du parent."
        ),
        "mission_en": "No family should face a relative's imprisonment alone.",
        "mission_fr": "Aucune famille ne doit affronter seule l’incarcération d’un proche.",
        "funding_en": "Regional and city grants, the family allowance fund and private donations",
        "funding_fr": (
            "Subventions de la Région et de la Ville, caisse d’allocations familiales et dons "
            "privés"
        ),
    },
    {
        "name": "Maillons",
        "slug": "maillons",
        "acronym": "",
        "kind": "organisation",
        "category": "member-organisation",
        "status": "active",
        "published": True,
        "country": "FR",
        "city": "Rennes",
        "latitude": 48.1173,
        "longitude": -1.6778,
        "website": "https://maillons-bretagne.example",
        "email": "contact@maillons-bretagne.example",
        "phone": "+33 2 99 00 00 00",
        "joined_on": "2003-09-18",
        "category_since": "2005-05-21",
        "year_founded": 1998,
        "legal_status": "association",
        "setting": "prison",
        "languages": ["fr"],
        "topics": ["parenting-in-prison", "mothers", "prison-visits"],
        "summary_en": "",
        "summary_fr": (
            "Accompagne les mères et les pères détenus en Bretagne dans leur rôle de parent, par "
            "des ateliers collectifs et des visites médiatisées avec leurs enfants."
        ),
        "description_en": "",
        "description_fr": (
            "Dans les établissements pénitentiaires de Bretagne, l’équipe de Maillons anime des "
            "groupes de parole sur la parentalité et prépare les parents aux visites. Lorsque ni "
            "l’autre parent ni la famille ne peuvent accompagner l’enfant, des bénévoles formés "
            "l’emmènent au parloir et restent à ses côtés. Des psychologues assurent un suivi "
            "régulier, en lien avec les services de protection de l’enfance."
        ),
        "mission_en": "",
        "mission_fr": (
            "Permettre à chaque enfant de garder un lien avec son parent détenu, à son rythme et "
            "selon ses besoins."
        ),
        "funding_en": "",
        "funding_fr": "Ministère de la Justice, conseil départemental et fondations privées",
    },
    {
        "name": "Les Liens Invisibles",
        "slug": "les-liens-invisibles",
        "acronym": "",
        "kind": "organisation",
        "category": "applicant-member",
        "status": "active",
        "published": True,
        "country": "FR",
        "city": "Marseille",
        "latitude": 43.2965,
        "longitude": 5.3698,
        "website": "https://liens-invisibles.example",
        "email": "contact@liens-invisibles.example",
        "phone": "+33 4 91 00 00 00",
        "joined_on": "2024-05-14",
        "category_since": "2024-05-14",
        "year_founded": 2019,
        "legal_status": "association",
        "setting": "community",
        "languages": ["fr", "ar"],
        "topics": ["arrest", "wellbeing", "training"],
        "summary_en": (
            "Helps children and families in Marseille through the first weeks after a parent's "
            "arrest, and trains police officers to take children into account."
        ),
        "summary_fr": (
            "Aide les enfants et les familles marseillaises à traverser les premières semaines qui "
            "suivent l’arrestation d’un parent, et forme les policiers à la prise en compte des "
            "enfants."
        ),
        "description_en": (
            "Social workers from Les Liens Invisibles can be reached by phone whenever a parent is "
            "arrested, to make sure the children are safely looked after and understand what is "
            "happening. The team then offers the family several months of follow-up, and runs "
            "short training sessions in the city's police stations."
        ),
        "description_fr": (
            "Les travailleurs sociaux des Liens Invisibles peuvent être joints par téléphone lors "
            "de l’arrestation d’un parent, pour s’assurer que les enfants sont pris en charge en "
            "sécurité et comprennent ce qui se passe. L’équipe propose ensuite à la famille un "
            "accompagnement de plusieurs mois et anime des formations courtes dans les "
            "commissariats de la ville."
        ),
        "mission_en": "Children should never be the forgotten witnesses of an arrest.",
        "mission_fr": "Les enfants ne doivent jamais être les témoins oubliés d’une arrestation.",
        "funding_en": "The city council, a national child-protection foundation and donations",
        "funding_fr": (
            "La Ville, une fondation nationale pour la protection de l’enfance et des dons"
        ),
    },
    {
        "name": "Hélène Marchetti",
        "slug": "helene-marchetti",
        "acronym": "",
        "kind": "individual",
        "category": "individual-member",
        "status": "active",
        "published": True,
        "country": "FR",
        "city": "Bordeaux",
        "latitude": None,
        "longitude": None,
        "website": "",
        "email": "helene.marchetti@mail.example",
        "phone": "",
        "joined_on": "2015-11-20",
        "category_since": "2015-11-20",
        "year_founded": None,
        "legal_status": "other",
        "setting": "both",
        "languages": ["fr", "en", "it"],
        "topics": ["wellbeing", "training", "parenting-in-prison"],
        "summary_en": (
            "A clinical psychologist who worked for twenty years in French prisons, and now trains "
            "professionals on the emotional needs of children separated from a parent."
        ),
        "summary_fr": (
            "Psychologue clinicienne ayant exercé vingt ans en milieu pénitentiaire, elle forme "
            "aujourd’hui les professionnels aux besoins affectifs des enfants séparés d’un parent."
        ),
        "description_en": (
            "Hélène Marchetti led the psychology service of a large remand prison before turning "
            "to training and supervision. She contributes to the network's working group on mental "
            "health and has written guidance for prison staff on welcoming children."
        ),
        "description_fr": (
            "Hélène Marchetti a dirigé le service de psychologie d’une grande maison d’arrêt avant "
            "de se consacrer à la formation et à la supervision. Elle participe au groupe de "
            "travail du réseau sur la santé mentale et a rédigé un guide destiné aux personnels "
            "pénitentiaires sur l’accueil des enfants."
        ),
        "mission_en": (
            "Every professional who meets these children should understand what separation means "
            "to them."
        ),
        "mission_fr": (
            "Chaque professionnel qui rencontre ces enfants devrait comprendre ce que la "
            "séparation représente pour eux."
        ),
        "funding_en": "",
        "funding_fr": "",
    },
    {
        "name": "Pillar Family Support",
        "slug": "pillar-family-support",
        "acronym": "",
        "kind": "organisation",
        "category": "member-organisation",
        "status": "active",
        "published": True,
        "country": "GB",
        "city": "Manchester",
        "latitude": 53.4808,
        "longitude": -2.2426,
        "website": "https://pillar-family-support.example",
        "email": "hello@pillar-family-support.example",
        "phone": "+44 161 000 0000",
        "joined_on": "2006-02-07",
        "category_since": "2008-06-12",
        "year_founded": 2001,
        "legal_status": "association",
        "setting": "community",
        "languages": ["en"],
        "topics": ["carers", "wellbeing", "schools"],
        "summary_en": (
            "A Manchester charity offering one-to-one support, peer groups and practical advice to "
            "the grandparents, partners and other relatives caring for children while a parent is "
            "in prison."
        ),
        "summary_fr": (
            "Association de Manchester qui apporte un soutien individuel, des groupes d’entraide "
            "et des conseils pratiques aux grands-parents, conjoints et autres proches qui élèvent "
            "des enfants pendant l’incarcération d’un parent."
        ),
        "description_en": (
            "Family support workers visit carers at home and help them deal with schools, benefits "
            "and housing. Fortnightly peer groups meet in four boroughs of Greater Manchester, and "
            "children aged 7 to 16 can join after-school activity groups where they meet others "
            "who understand what they are going through."
        ),
        "description_fr": (
            "Des travailleurs sociaux rendent visite aux proches à domicile et les aident dans "
            "leurs démarches auprès de l’école, des services sociaux et des bailleurs. Des groupes "
            "d’entraide se réunissent tous les quinze jours dans quatre villes de l’agglomération "
            "de Manchester, et les enfants de 7 à 16 ans peuvent participer après l’école à des "
            "activités avec d’autres jeunes qui vivent la même situation."
        ),
        "mission_en": (
            "No one caring for a child with a parent in prison should have to do it alone."
        ),
        "mission_fr": "Personne ne devrait élever seul un enfant dont le parent est en prison.",
        "funding_en": "Lottery funding, charitable trusts and local authority contracts",
        "funding_fr": (
            "Fonds de la loterie nationale, fondations caritatives et contrats avec les "
            "collectivités locales"
        ),
    },
    {
        "name": "Lanterns Family Helpline",
        "slug": "lanterns-family-helpline",
        "acronym": "",
        "kind": "organisation",
        "category": "member-organisation",
        "status": "active",
        "published": True,
        "country": "GB",
        "city": "Glasgow",
        "latitude": 55.8642,
        "longitude": -4.2518,
        "website": "https://lanterns-helpline.example",
        "email": "help@lanterns-helpline.example",
        "phone": "+44 800 000 0000",
        "joined_on": "2010-04-22",
        "category_since": "2012-05-17",
        "year_founded": 2008,
        "legal_status": "association",
        "setting": "community",
        "languages": ["en"],
        "topics": ["carers", "family-contact", "release", "wellbeing"],
        "summary_en": (
            "A free, confidential helpline for anyone in Scotland with a family member in prison, "
            "from the day of arrest to the months after release."
        ),
        "summary_fr": "",
        "description_en": (
            "Trained staff and volunteers answer calls, texts and web chats six days a week, "
            "explaining how visits, calls and prison procedures work and what to tell children. "
            "Where families need more, the helpline refers them to local support services and "
            "checks in with them a week later."
        ),
        "description_fr": "",
        "mission_en": (
            "Every family should know where to turn when someone they love goes to prison."
        ),
        "mission_fr": "",
        "funding_en": "The Scottish Government, charitable trusts and individual donations",
        "funding_fr": "",
    },
    {
        "name": "Pontydd Teulu",
        "slug": "pontydd-teulu",
        "acronym": "",
        "kind": "organisation",
        "category": "applicant-member",
        "status": "active",
        "published": True,
        "country": "GB",
        "city": "Cardiff",
        "latitude": 51.4816,
        "longitude": -3.1791,
        "website": "https://pontydd-teulu.example",
        "email": "helo@pontydd-teulu.example",
        "phone": "+44 29 0000 0000",
        "joined_on": "2023-10-03",
        "category_since": "2023-10-03",
        "year_founded": 2017,
        "legal_status": "association",
        "setting": "community",
        "languages": ["cy", "en"],
        "topics": ["schools", "training", "participation"],
        "summary_en": (
            "Works with primary and secondary schools across South Wales so that pupils with a "
            "parent in prison are noticed, understood and supported, in Welsh and in English."
        ),
        "summary_fr": (
            "Travaille avec les écoles primaires et secondaires du sud du pays de Galles pour que "
            "les élèves dont un parent est détenu soient repérés, compris et soutenus, en gallois "
            "comme en anglais."
        ),
        "description_en": (
            "Pontydd Teulu runs a half-day course for teachers and school staff, and provides "
            "lesson plans and storybooks in both languages. A group of young advisers, all of whom "
            "have experienced a parent's imprisonment, helped write the materials and now co-lead "
            "some of the sessions."
        ),
        "description_fr": (
            "Pontydd Teulu propose aux enseignants et aux personnels scolaires une formation d’une "
            "demi-journée, ainsi que des séquences pédagogiques et des albums dans les deux "
            "langues. Un groupe de jeunes conseillers, qui ont tous connu l’incarcération d’un "
            "parent, a participé à la rédaction des supports et co-anime aujourd’hui certaines "
            "séances."
        ),
        "mission_en": "Every school should be a safe place for a child whose parent is in prison.",
        "mission_fr": (
            "Chaque école devrait être un lieu sûr pour un enfant dont le parent est en prison."
        ),
        "funding_en": "Welsh charitable trusts and fees from schools for training",
        "funding_fr": (
            "Fondations caritatives galloises et participation des écoles aux frais de formation"
        ),
    },
    {
        "name": "Malcolm Adeyemi",
        "slug": "malcolm-adeyemi",
        "acronym": "",
        "kind": "individual",
        "category": "individual-member",
        "status": "active",
        "published": True,
        "country": "GB",
        "city": "London",
        "latitude": None,
        "longitude": None,
        "website": "",
        "email": "malcolm.adeyemi@research.example",
        "phone": "",
        "joined_on": "2018-03-15",
        "category_since": "2018-03-15",
        "year_founded": None,
        "legal_status": "other",
        "setting": "community",
        "languages": ["en"],
        "topics": ["courts", "research", "advocacy"],
        "summary_en": (
            "A criminologist who studies how courts take account of defendants' children, and who "
            "has helped design child impact assessments for use at sentencing."
        ),
        "summary_fr": "",
        "description_en": (
            "Malcolm Adeyemi spent ten years as a probation officer before completing a doctorate "
            "on sentencing and family life. He now teaches criminology at a London university and "
            "advises the network's working group on courts and sentencing."
        ),
        "description_fr": "",
        "mission_en": "Judges cannot weigh what they are never told about a defendant's children.",
        "mission_fr": "",
        "funding_en": "",
        "funding_fr": "",
    },
    {
        "name": "Cairde Teaghlaigh",
        "slug": "cairde-teaghlaigh",
        "acronym": "",
        "kind": "organisation",
        "category": "member-organisation",
        "status": "active",
        "published": True,
        "country": "IE",
        "city": "Dublin",
        "latitude": 53.3498,
        "longitude": -6.2603,
        "website": "https://cairde-teaghlaigh.example",
        "email": "info@cairde-teaghlaigh.example",
        "phone": "+353 1 000 0000",
        "joined_on": "2007-05-10",
        "category_since": "2009-09-24",
        "year_founded": 2005,
        "legal_status": "association",
        "setting": "both",
        "languages": ["en", "ga"],
        "topics": ["prison-visits", "family-contact", "carers"],
        "summary_en": (
            "Runs visitor centres at two Dublin prisons and a video-call scheme that lets children "
            "talk to their parent from a quiet room in the community."
        ),
        "summary_fr": (
            "Gère des espaces d’accueil pour les familles devant deux prisons de Dublin, ainsi "
            "qu’un dispositif d’appels vidéo qui permet aux enfants de parler à leur parent depuis "
            "une salle calme, hors de la prison."
        ),
        "description_en": (
            "Staff and volunteers welcome around 300 families a week at the visitor centres, with "
            "tea, information and a play area. The video-call scheme, started in 2020, now runs "
            "from three community centres in the city and is open to families who live too far "
            "away to visit often."
        ),
        "description_fr": (
            "Salariés et bénévoles accueillent environ 300 familles par semaine dans les espaces "
            "d’accueil, avec une boisson chaude, des informations et un coin jeux. Le dispositif "
            "d’appels vidéo, lancé en 2020, fonctionne aujourd’hui dans trois centres sociaux de "
            "la ville et s’adresse aux familles qui habitent trop loin pour venir souvent."
        ),
        "mission_en": (
            "Keeping families connected is good for children, for parents and for the community."
        ),
        "mission_fr": (
            "Maintenir le lien familial est bénéfique pour les enfants, pour les parents et pour "
            "la société tout entière."
        ),
        "funding_en": "The national prison service, a children's fund and private donors",
        "funding_fr": (
            "L’administration pénitentiaire nationale, un fonds pour l’enfance et des donateurs "
            "privés"
        ),
    },
    {
        "name": "Shannonside Youth Links",
        "slug": "shannonside-youth-links",
        "acronym": "SYL",
        "kind": "organisation",
        "category": "applicant-member",
        "status": "active",
        "published": True,
        "country": "IE",
        "city": "Limerick",
        "latitude": None,
        "longitude": None,
        "website": "https://shannonside-youth.example",
        "email": "hello@shannonside-youth.example",
        "phone": "+353 61 000 000",
        "joined_on": "2025-02-11",
        "category_since": "2025-02-11",
        "year_founded": 2021,
        "legal_status": "association",
        "setting": "community",
        "languages": ["en"],
        "topics": ["participation", "wellbeing", "release"],
        "summary_en": (
            "Matches teenagers in the Limerick area who have a parent in prison with trained "
            "volunteer mentors for a year of weekly meetings."
        ),
        "summary_fr": "",
        "description_en": (
            "Mentors are carefully selected, trained and supervised, and meet their young person "
            "for activities chosen together: sport, music, homework or simply a walk. The project "
            "also runs a monthly group where young people plan events and advise local services."
        ),
        "description_fr": "",
        "mission_en": "Every young person deserves an adult in their corner.",
        "mission_fr": "",
        "funding_en": (
            "A regional philanthropic fund, the local authority and community fundraising"
        ),
        "funding_fr": "",
    },
    {
        "name": "Niamh Gallagher",
        "slug": "niamh-gallagher",
        "acronym": "",
        "kind": "individual",
        "category": "individual-member",
        "status": "active",
        "published": True,
        "country": "IE",
        "city": "Galway",
        "latitude": None,
        "longitude": None,
        "website": "",
        "email": "niamh.gallagher@mail.example",
        "phone": "",
        "joined_on": "2019-06-12",
        "category_since": "2019-06-12",
        "year_founded": None,
        "legal_status": "other",
        "setting": "community",
        "languages": ["en", "ga"],
        "topics": ["schools", "research", "participation"],
        "summary_en": (
            "An education researcher who studies how schools respond to pupils with a parent in "
            "prison, working with young people as co-researchers."
        ),
        "summary_fr": (
            "Chercheuse en sciences de l’éducation, elle étudie la manière dont les écoles "
            "répondent aux besoins des élèves dont un parent est détenu, en associant des jeunes à "
            "ses recherches."
        ),
        "description_en": (
            "A former secondary school teacher, Niamh Gallagher lectures in education in the west "
            "of Ireland. Her recent study, carried out with a panel of young advisers, led to "
            "guidance for schools now used in several Irish counties."
        ),
        "description_fr": (
            "Ancienne enseignante dans le secondaire, Niamh Gallagher enseigne les sciences de "
            "l’éducation à l’université, dans l’ouest de l’Irlande. Sa dernière étude, menée avec "
            "un groupe de jeunes conseillers, a donné lieu à des recommandations aujourd’hui "
            "utilisées par les écoles de plusieurs comtés irlandais."
        ),
        "mission_en": "Research about young people should be done with them, not only about them.",
        "mission_fr": (
            "La recherche sur les jeunes doit se faire avec eux, et pas seulement à leur sujet."
        ),
        "funding_en": "",
        "funding_fr": "",
    },
    {
        "name": "Casa dei Legami",
        "slug": "casa-dei-legami",
        "acronym": "",
        "kind": "organisation",
        "category": "member-organisation",
        "status": "active",
        "published": True,
        "country": "IT",
        "city": "Rome",
        "latitude": 41.9028,
        "longitude": 12.4964,
        "website": "https://casa-dei-legami.example",
        "email": "info@casa-dei-legami.example",
        "phone": "+39 06 0000 0000",
        "joined_on": "2002-10-08",
        "category_since": "2004-11-30",
        "year_founded": 1999,
        "legal_status": "association",
        "setting": "both",
        "languages": ["it"],
        "topics": ["prison-visits", "parenting-in-prison", "training"],
        "summary_en": (
            "Transforms visiting areas in Rome's prisons into places fit for children, and runs "
            "groups for fathers who want to stay close to their children."
        ),
        "summary_fr": (
            "Transforme les parloirs des prisons romaines en lieux adaptés aux enfants et anime "
            "des groupes pour les pères qui veulent rester proches de leurs enfants."
        ),
        "description_en": (
            "With the prison administration, Casa dei Legami has opened play areas and family "
            "rooms in three prisons, where educators welcome children before visits. Fathers can "
            "join a ten-week course on communication and child development, and prison officers "
            "are trained in how to welcome young visitors."
        ),
        "description_fr": (
            "Avec l’administration pénitentiaire, Casa dei Legami a ouvert des espaces de jeu et "
            "des salles familiales dans trois prisons, où des éducateurs accueillent les enfants "
            "avant les visites. Les pères peuvent suivre un cycle de dix semaines sur la "
            "communication et le développement de l’enfant, et les surveillants sont formés à "
            "l’accueil des jeunes visiteurs."
        ),
        "mission_en": "A prison visit should feel like time with a parent, not time in a prison.",
        "mission_fr": (
            "Une visite en prison doit être un moment passé avec un parent, et non un moment passé "
            "en prison."
        ),
        "funding_en": "The regional government, banking foundations and private donations",
        "funding_fr": "La Région, des fondations bancaires et des dons privés",
    },
    {
        "name": "Cooperativa Il Girotondo",
        "slug": "cooperativa-il-girotondo",
        "acronym": "",
        "kind": "organisation",
        "category": "member-organisation",
        "status": "active",
        "published": True,
        "country": "IT",
        "city": "Naples",
        "latitude": 40.8518,
        "longitude": 14.2681,
        "website": "https://ilgirotondo.example",
        "email": "info@ilgirotondo.example",
        "phone": "+39 081 000 0000",
        "joined_on": "2009-03-19",
        "category_since": "2011-04-14",
        "year_founded": 2006,
        "legal_status": "social_enterprise",
        "setting": "both",
        "languages": ["it"],
        "topics": ["mothers", "infants", "parenting-in-prison", "release"],
        "summary_en": (
            "A social cooperative supporting mothers who serve their sentence with young children "
            "in a low-security unit near Naples, and helping them settle back into the community."
        ),
        "summary_fr": (
            "Coopérative sociale qui accompagne les mères purgeant leur peine avec leurs jeunes "
            "enfants dans une unité à sécurité allégée près de Naples, et les aide à se "
            "réinstaller à leur sortie."
        ),
        "description_en": (
            "Early-years educators run the unit's playroom and take the children to a local "
            "nursery school and on outings, so that they grow up knowing life outside. The "
            "cooperative also offers mothers parenting support and, after release, help with "
            "housing, training and work."
        ),
        "description_fr": (
            "Des éducatrices de jeunes enfants animent la salle de jeux de l’unité et accompagnent "
            "les enfants à l’école maternelle du quartier et en sortie, pour qu’ils grandissent en "
            "connaissant la vie à l’extérieur. La coopérative propose aussi aux mères un soutien à "
            "la parentalité puis, après leur libération, une aide au logement, à la formation et à "
            "l’emploi."
        ),
        "mission_en": "No child should grow up behind bars.",
        "mission_fr": "Aucun enfant ne devrait grandir derrière les barreaux.",
        "funding_en": (
            "Contracts with the prison administration and the city, and European social funds"
        ),
        "funding_fr": (
            "Conventions avec l’administration pénitentiaire et la Ville, et fonds sociaux "
            "européens"
        ),
    },
    {
        "name": "Centro Studi Infanzia e Pena",
        "slug": "centro-studi-infanzia-e-pena",
        "acronym": "CSIP",
        "kind": "organisation",
        "category": "member-organisation",
        "status": "former",
        "published": True,
        "country": "IT",
        "city": "Bologna",
        "latitude": 44.4949,
        "longitude": 11.3426,
        "website": "https://csip.example",
        "email": "segreteria@csip.example",
        "phone": "+39 051 000 0000",
        "joined_on": "2011-01-20",
        "category_since": "2012-12-06",
        "year_founded": 2009,
        "legal_status": "research",
        "setting": "community",
        "languages": ["it", "en"],
        "topics": ["research", "advocacy", "courts"],
        "summary_en": (
            "A university research centre that studied the effects of parental imprisonment on "
            "children in Italy and published guidance for judges."
        ),
        "summary_fr": (
            "Centre de recherche universitaire qui a étudié les effets de l’incarcération des "
            "parents sur les enfants en Italie et publié des recommandations à l’intention des "
            "juges."
        ),
        "description_en": (
            "Between 2009 and 2021 the centre carried out national surveys, trained magistrates "
            "and contributed to national guidelines on the rights of children with imprisoned "
            "parents. Its researchers have since moved to other institutions, and its reports "
            "remain available online."
        ),
        "description_fr": (
            "Entre 2009 et 2021, le centre a mené des enquêtes nationales, formé des magistrats et "
            "contribué à l’élaboration de lignes directrices nationales sur les droits des enfants "
            "de parents détenus. Ses chercheurs ont depuis rejoint d’autres institutions, et ses "
            "rapports restent consultables en ligne."
        ),
        "mission_en": "Good evidence should guide every decision that affects these children.",
        "mission_fr": "Des données solides doivent guider chaque décision concernant ces enfants.",
        "funding_en": "University funds and national research grants",
        "funding_fr": "Fonds de l’université et financements nationaux de la recherche",
    },
    {
        "name": "Kinder im Blick e.V.",
        "slug": "kinder-im-blick",
        "acronym": "",
        "kind": "organisation",
        "category": "member-organisation",
        "status": "active",
        "published": True,
        "country": "DE",
        "city": "Berlin",
        "latitude": 52.5200,
        "longitude": 13.4050,
        "website": "https://kinder-im-blick.example",
        "email": "kontakt@kinder-im-blick.example",
        "phone": "+49 30 0000000",
        "joined_on": "2005-09-14",
        "category_since": "2007-10-25",
        "year_founded": 2002,
        "legal_status": "association",
        "setting": "both",
        "languages": ["de", "en", "tr"],
        "topics": ["prison-visits", "parenting-in-prison", "family-contact", "training"],
        "summary_en": (
            "Runs father–child groups and family visiting days in Berlin prisons, and a video-call "
            "service for children who live far away."
        ),
        "summary_fr": (
            "Anime des groupes pères-enfants et des journées familiales dans les prisons "
            "berlinoises, et propose un service d’appels vidéo aux enfants qui habitent loin."
        ),
        "description_en": (
            "Family visiting days take place once a month in four Berlin prisons, with games, a "
            "shared meal and no glass screens. Social workers prepare children and parents "
            "beforehand and talk with them afterwards. The association works in German, Turkish "
            "and English, and trains prison staff in child-friendly practice."
        ),
        "description_fr": (
            "Les journées familiales ont lieu une fois par mois dans quatre prisons berlinoises, "
            "avec des jeux, un repas partagé et sans vitre de séparation. Des travailleurs sociaux "
            "préparent les enfants et les parents en amont et échangent avec eux ensuite. "
            "L’association travaille en allemand, en turc et en anglais, et forme le personnel "
            "pénitentiaire à des pratiques adaptées aux enfants."
        ),
        "mission_en": "Children have a right to their parents, including parents in prison.",
        "mission_fr": (
            "Les enfants ont droit à leurs parents, y compris lorsque ceux-ci sont en prison."
        ),
        "funding_en": "The Berlin Senate, church charities and private donations",
        "funding_fr": "Le Sénat de Berlin, des œuvres caritatives des Églises et des dons privés",
    },
    {
        "name": "Haltestelle Familie e.V.",
        "slug": "haltestelle-familie",
        "acronym": "",
        "kind": "organisation",
        "category": "member-organisation",
        "status": "active",
        "published": True,
        "country": "DE",
        "city": "Munich",
        "latitude": 48.1351,
        "longitude": 11.5820,
        "website": "https://haltestelle-familie.example",
        "email": "info@haltestelle-familie.example",
        "phone": "+49 89 0000000",
        "joined_on": "2012-06-28",
        "category_since": "2014-07-10",
        "year_founded": 2010,
        "legal_status": "association",
        "setting": "community",
        "languages": ["de"],
        "topics": ["wellbeing", "participation", "carers"],
        "summary_en": (
            "Organises summer camps in the Bavarian Alps and monthly activity weekends for "
            "children and teenagers with a parent in prison."
        ),
        "summary_fr": "",
        "description_en": (
            "Each summer around sixty children aged 8 to 15 spend a week in the mountains with "
            "trained youth workers, hiking, making things and playing music. Many come back as "
            "junior leaders. Monthly activities in Munich keep the group together during the year, "
            "and carers can meet over coffee while the children play."
        ),
        "description_fr": "",
        "mission_en": "Children need places where they don't have to explain themselves.",
        "mission_fr": "",
        "funding_en": "Bavarian youth funds, foundations and donations from local businesses",
        "funding_fr": "",
    },
    {
        "name": "Netzwerk Angehörigenarbeit Sachsen",
        "slug": "netzwerk-angehorigenarbeit-sachsen",
        "acronym": "NAS",
        "kind": "organisation",
        "category": "applicant-member",
        "status": "active",
        "published": True,
        "country": "DE",
        "city": "Leipzig",
        "latitude": 51.3397,
        "longitude": 12.3731,
        "website": "https://angehoerige-sachsen.example",
        "email": "info@angehoerige-sachsen.example",
        "phone": "+49 341 0000000",
        "joined_on": "2023-04-26",
        "category_since": "2023-04-26",
        "year_founded": 2020,
        "legal_status": "association",
        "setting": "both",
        "languages": ["de"],
        "topics": ["advocacy", "training", "carers"],
        "summary_en": (
            "A coalition of eleven organisations in Saxony that work with prisoners' families, "
            "sharing training and speaking with one voice to the regional government."
        ),
        "summary_fr": (
            "Coalition de onze organisations saxonnes qui travaillent avec les familles de "
            "détenus, mettent en commun leurs formations et parlent d’une seule voix auprès du "
            "gouvernement régional."
        ),
        "description_en": (
            "The network brings together family counselling services, church charities and youth "
            "welfare organisations. It runs a shared training programme for staff and volunteers, "
            "collects data on the support families receive, and negotiates with the regional "
            "justice ministry on visiting rules."
        ),
        "description_fr": (
            "Le réseau rassemble des services de conseil familial, des œuvres caritatives des "
            "Églises et des organismes d’aide à la jeunesse. Il organise un programme de formation "
            "commun pour les salariés et les bénévoles, recueille des données sur l’aide apportée "
            "aux familles et négocie avec le ministère régional de la Justice sur les règles de "
            "visite."
        ),
        "mission_en": "Together we can make Saxony's prisons fairer to families.",
        "mission_fr": (
            "Ensemble, nous pouvons rendre les prisons saxonnes plus justes envers les familles."
        ),
        "funding_en": "Member contributions and a grant from the regional social affairs ministry",
        "funding_fr": (
            "Cotisations des membres et subvention du ministère régional des Affaires sociales"
        ),
    },
    {
        "name": "Fundación Lazos Abiertos",
        "slug": "fundacion-lazos-abiertos",
        "acronym": "",
        "kind": "organisation",
        "category": "member-organisation",
        "status": "active",
        "published": True,
        "country": "ES",
        "city": "Madrid",
        "latitude": 40.4168,
        "longitude": -3.7038,
        "website": "https://lazos-abiertos.example",
        "email": "info@lazos-abiertos.example",
        "phone": "+34 910 000 000",
        "joined_on": "2004-02-16",
        "category_since": "2006-03-09",
        "year_founded": 2001,
        "legal_status": "foundation",
        "setting": "both",
        "languages": ["es", "en"],
        "topics": ["advocacy", "courts", "research", "training"],
        "summary_en": (
            "A foundation that advocates for the rights of children with imprisoned parents in "
            "Spain, trains judges and prosecutors, and publishes an annual report on their "
            "situation."
        ),
        "summary_fr": (
            "Fondation qui défend les droits des enfants de parents détenus en Espagne, forme "
            "juges et procureurs, et publie chaque année un rapport sur leur situation."
        ),
        "description_en": (
            "The foundation's legal team runs courses for judges, prosecutors and defence lawyers "
            "on taking children into account at arrest, remand and sentencing. Its annual report "
            "brings together figures from the prison administration and the regions, and it leads "
            "a coalition calling for a national protocol on the children of prisoners."
        ),
        "description_fr": (
            "L’équipe juridique de la fondation organise des formations pour les juges, les "
            "procureurs et les avocats sur la prise en compte des enfants lors de l’arrestation, "
            "de la détention provisoire et de la condamnation. Son rapport annuel rassemble les "
            "données de l’administration pénitentiaire et des communautés autonomes, et elle anime "
            "une coalition qui réclame un protocole national sur les enfants de détenus."
        ),
        "mission_en": "Justice for adults must not mean injustice for their children.",
        "mission_fr": (
            "La justice rendue aux adultes ne doit pas devenir une injustice pour leurs enfants."
        ),
        "funding_en": "Private foundations, corporate donors and European projects",
        "funding_fr": "Fondations privées, mécénat d’entreprise et projets européens",
    },
    {
        "name": "Associació Fils",
        "slug": "associacio-fils",
        "acronym": "",
        "kind": "organisation",
        "category": "member-organisation",
        "status": "active",
        "published": True,
        "country": "ES",
        "city": "Barcelona",
        "latitude": 41.3874,
        "longitude": 2.1686,
        "website": "https://associacio-fils.example",
        "email": "hola@associacio-fils.example",
        "phone": "+34 930 000 000",
        "joined_on": "2013-11-05",
        "category_since": "2016-01-21",
        "year_founded": 2011,
        "legal_status": "association",
        "setting": "community",
        "languages": ["ca", "es"],
        "topics": ["schools", "wellbeing", "participation"],
        "summary_en": (
            "Supports children in Barcelona with a parent in prison through after-school groups, "
            "and trains teachers and school counsellors."
        ),
        "summary_fr": (
            "Soutient les enfants barcelonais dont un parent est détenu grâce à des groupes après "
            "l’école, et forme les enseignants et les conseillers scolaires."
        ),
        "description_en": (
            "Weekly groups in three neighbourhoods give children aged 6 to 12 a space to play, "
            "talk and get help with homework, led by a psychologist and an educator. Fils also "
            "trains school staff across Catalonia and has published a picture book, in Catalan and "
            "Spanish, about a visit to prison."
        ),
        "description_fr": (
            "Dans trois quartiers, des groupes hebdomadaires animés par une psychologue et un "
            "éducateur offrent aux enfants de 6 à 12 ans un espace pour jouer, parler et faire "
            "leurs devoirs. Fils forme aussi les équipes éducatives dans toute la Catalogne et a "
            "publié un album illustré, en catalan et en espagnol, sur une visite en prison."
        ),
        "mission_en": "Every child deserves to be a child, whatever their family is going through.",
        "mission_fr": "Chaque enfant a le droit d’être un enfant, quoi que traverse sa famille.",
        "funding_en": "The Catalan government, Barcelona city council and savings bank foundations",
        "funding_fr": (
            "Le gouvernement catalan, la mairie de Barcelone et des fondations de caisses d’épargne"
        ),
    },
    {
        "name": "Asociación Entrelazos",
        "slug": "asociacion-entrelazos",
        "acronym": "",
        "kind": "organisation",
        "category": "applicant-member",
        "status": "active",
        "published": False,
        "country": "ES",
        "city": "Seville",
        "latitude": None,
        "longitude": None,
        "website": "https://entrelazos.example",
        "email": "info@entrelazos.example",
        "phone": "+34 954 000 000",
        "joined_on": "2024-09-17",
        "category_since": "2024-09-17",
        "year_founded": 2022,
        "legal_status": "association",
        "setting": "both",
        "languages": ["es"],
        "topics": ["release", "carers", "parenting-in-prison"],
        "summary_en": (
            "Prepares families in Andalusia for a parent's release, with family mediation in the "
            "last months of the sentence and support during the first year at home."
        ),
        "summary_fr": (
            "Prépare les familles andalouses à la sortie d’un parent, par une médiation familiale "
            "pendant les derniers mois de la peine et un accompagnement au cours de la première "
            "année."
        ),
        "description_en": (
            "Mediators meet the parent in prison and the family at home to talk through "
            "expectations, routines and the children's worries. After release, a family worker "
            "stays in touch for a year and helps with practical matters such as housing and work."
        ),
        "description_fr": (
            "Des médiateurs rencontrent le parent en prison et la famille à domicile pour parler "
            "des attentes de chacun, de l’organisation du quotidien et des inquiétudes des "
            "enfants. Après la sortie, un travailleur social reste en contact avec la famille "
            "pendant un an et l’aide dans ses démarches, notamment pour le logement et l’emploi."
        ),
        "mission_en": "Coming home is a process, not a single day.",
        "mission_fr": "Le retour à la maison est un cheminement, pas un jour unique.",
        "funding_en": "A regional social inclusion programme and a private foundation",
        "funding_fr": "Un programme régional d’inclusion sociale et une fondation privée",
    },
    {
        "name": "Trait d’Union asbl",
        "slug": "trait-dunion",
        "acronym": "",
        "kind": "organisation",
        "category": "member-organisation",
        "status": "active",
        "published": True,
        "country": "BE",
        "city": "Liège",
        "latitude": 50.6326,
        "longitude": 5.5797,
        "website": "https://trait-union.example",
        "email": "info@trait-union.example",
        "phone": "+32 4 000 00 00",
        "joined_on": "2001-05-09",
        "category_since": "2003-06-12",
        "year_founded": 1996,
        "legal_status": "association",
        "setting": "prison",
        "languages": ["fr"],
        "topics": ["prison-visits", "family-contact", "training"],
        "summary_en": "",
        "summary_fr": (
            "Organise des visites accompagnées entre enfants et parents détenus dans les prisons "
            "de Wallonie, dans un cadre chaleureux et rassurant."
        ),
        "description_en": "",
        "description_fr": (
            "Des intervenants psychosociaux accompagnent les enfants lors de visites dans des "
            "espaces aménagés, à l’écart du parloir ordinaire, et restent disponibles pour les "
            "parents et les familles entre les rencontres. L’association fait aussi vivre une "
            "correspondance illustrée entre enfants et parents, et forme les agents pénitentiaires "
            "à l’accueil des familles."
        ),
        "mission_en": "",
        "mission_fr": (
            "Maintenir le lien, lorsque l’enfant le souhaite, est un droit et non une faveur."
        ),
        "funding_en": "",
        "funding_fr": "Fédération Wallonie-Bruxelles, Région wallonne et dons privés",
    },
    {
        "name": "Verbonden vzw",
        "slug": "verbonden",
        "acronym": "",
        "kind": "organisation",
        "category": "member-organisation",
        "status": "active",
        "published": False,
        "country": "BE",
        "city": "Ghent",
        "latitude": 51.0543,
        "longitude": 3.7174,
        "website": "https://verbonden.example",
        "email": "info@verbonden.example",
        "phone": "+32 9 000 00 00",
        "joined_on": "2008-10-02",
        "category_since": "2010-11-18",
        "year_founded": 2006,
        "legal_status": "association",
        "setting": "both",
        "languages": ["nl", "fr", "en"],
        "topics": ["family-contact", "schools", "training"],
        "summary_en": (
            "Runs video calls and a letter-writing service for children with a parent in a Flemish "
            "prison, and trains school staff to recognise and support them."
        ),
        "summary_fr": (
            "Organise des appels vidéo et un service de correspondance pour les enfants dont un "
            "parent est détenu dans une prison flamande, et forme les équipes scolaires à les "
            "repérer et à les soutenir."
        ),
        "description_en": (
            "Children can book a video call from home or from one of the association's partner "
            "youth centres, with a staff member on hand if they wish. Verbonden's school "
            "programme, offered to every secondary school in East Flanders, includes a short film "
            "made with young people."
        ),
        "description_fr": (
            "Les enfants peuvent réserver un appel vidéo depuis chez eux ou depuis l’une des "
            "maisons de jeunes partenaires, avec un intervenant à leurs côtés s’ils le souhaitent. "
            "Le programme scolaire de Verbonden, proposé à toutes les écoles secondaires de "
            "Flandre-Orientale, comprend un court métrage réalisé avec des jeunes."
        ),
        "mission_en": "Distance should never break the bond between a child and a parent.",
        "mission_fr": "La distance ne devrait jamais rompre le lien entre un enfant et son parent.",
        "funding_en": "The Flemish government and private foundations",
        "funding_fr": "Le gouvernement flamand et des fondations privées",
    },
    {
        "name": "Maison Passage",
        "slug": "maison-passage",
        "acronym": "",
        "kind": "organisation",
        "category": "applicant-member",
        "status": "active",
        "published": True,
        "country": "BE",
        "city": "Brussels",
        "latitude": 50.8503,
        "longitude": 4.3517,
        "website": "https://maison-passage.example",
        "email": "accueil@maison-passage.example",
        "phone": "+32 2 000 00 00",
        "joined_on": "2023-06-21",
        "category_since": "2023-06-21",
        "year_founded": 2022,
        "legal_status": "association",
        "setting": "prison",
        "languages": ["fr", "nl", "ar", "en"],
        "topics": ["prison-visits", "carers", "family-contact"],
        "summary_en": (
            "A bilingual welcome centre for families at a new prison complex on the edge of "
            "Brussels, with a waiting room, information and a play space for children."
        ),
        "summary_fr": (
            "Maison d’accueil bilingue pour les familles à l’entrée d’un nouveau complexe "
            "pénitentiaire en périphérie de Bruxelles, avec salle d’attente, informations et "
            "espace de jeux pour les enfants."
        ),
        "description_en": (
            "Opened when several older Brussels prisons were replaced by one large site, the "
            "centre helps families find their way through new procedures and longer journeys. "
            "Volunteers speak French, Dutch, Arabic and English, and at weekends the team runs a "
            "shuttle from the nearest railway station."
        ),
        "description_fr": (
            "Ouverte lorsque plusieurs anciennes prisons bruxelloises ont été remplacées par un "
            "seul grand site, la maison aide les familles à s’y retrouver dans de nouvelles "
            "procédures et des trajets plus longs. Les bénévoles parlent français, néerlandais, "
            "arabe et anglais, et l’équipe assure le week-end une navette depuis la gare la plus "
            "proche."
        ),
        "mission_en": "A warm welcome at the prison gate makes a difference to every visit.",
        "mission_fr": "Un accueil chaleureux à l’entrée de la prison change chaque visite.",
        "funding_en": "Brussels regional authorities and a network of volunteers",
        "funding_fr": "Les pouvoirs publics bruxellois et un réseau de bénévoles",
    },
    {
        "name": "Fundacja Bliskość",
        "slug": "fundacja-bliskosc",
        "acronym": "",
        "kind": "organisation",
        "category": "member-organisation",
        "status": "active",
        "published": True,
        "country": "PL",
        "city": "Warsaw",
        "latitude": 52.2297,
        "longitude": 21.0122,
        "website": "https://fundacja-bliskosc.example",
        "email": "biuro@fundacja-bliskosc.example",
        "phone": "+48 22 000 00 00",
        "joined_on": "2010-09-15",
        "category_since": "2012-10-04",
        "year_founded": 2007,
        "legal_status": "foundation",
        "setting": "prison",
        "languages": ["pl"],
        "topics": ["parenting-in-prison", "family-contact", "training"],
        "summary_en": (
            "Runs parenting programmes in prisons across central Poland and helps imprisoned "
            "parents stay in touch with their children through letters, calls and recorded bedtime "
            "stories."
        ),
        "summary_fr": (
            "Anime des programmes de parentalité dans les prisons du centre de la Pologne et aide "
            "les parents détenus à garder le contact avec leurs enfants par le courrier, le "
            "téléphone et des histoires du soir enregistrées."
        ),
        "description_en": (
            "The foundation's twelve-session course for fathers and mothers has been delivered in "
            "nine prisons, where staff trained by Bliskość now run it themselves. Its "
            "bedtime-story project lets parents record themselves reading a book, which is then "
            "posted home with the recording."
        ),
        "description_fr": (
            "Le cycle de douze séances proposé aux pères et aux mères par la fondation a été mis "
            "en place dans neuf prisons, où des personnels formés par Bliskość l’animent désormais "
            "eux-mêmes. Son projet d’histoires du soir permet aux parents de s’enregistrer en "
            "lisant un livre, envoyé ensuite à la maison avec l’enregistrement."
        ),
        "mission_en": "Being in prison does not stop someone from being a parent.",
        "mission_fr": "Être en prison n’empêche pas d’être parent.",
        "funding_en": "The prison service's rehabilitation fund, private foundations and donations",
        "funding_fr": (
            "Le fonds de réinsertion de l’administration pénitentiaire, des fondations privées et "
            "des dons"
        ),
    },
    {
        "name": "Stowarzyszenie Latarnia",
        "slug": "stowarzyszenie-latarnia",
        "acronym": "",
        "kind": "organisation",
        "category": "member-organisation",
        "status": "active",
        "published": True,
        "country": "PL",
        "city": "Gdańsk",
        "latitude": 54.3520,
        "longitude": 18.6466,
        "website": "https://latarnia.example",
        "email": "kontakt@latarnia.example",
        "phone": "+48 58 000 00 00",
        "joined_on": "2017-03-08",
        "category_since": "2019-05-16",
        "year_founded": 2015,
        "legal_status": "association",
        "setting": "community",
        "languages": ["pl", "en"],
        "topics": ["carers", "wellbeing", "participation"],
        "summary_en": (
            "Peer support groups for families of prisoners in Pomerania, with separate groups "
            "where children and teenagers can share their experiences."
        ),
        "summary_fr": (
            "Groupes d’entraide pour les familles de détenus en Poméranie, avec des groupes "
            "distincts où les enfants et les adolescents peuvent partager leur vécu."
        ),
        "description_en": (
            "Latarnia was set up by a group of mothers and grandmothers who had met in a prison "
            "waiting room. Its groups now meet in Gdańsk, Gdynia and Słupsk, led by trained "
            "volunteers with support from a family therapist."
        ),
        "description_fr": (
            "Latarnia a été fondée par des mères et des grands-mères qui s’étaient rencontrées "
            "dans la salle d’attente d’une prison. Ses groupes se réunissent aujourd’hui à Gdańsk, "
            "Gdynia et Słupsk, animés par des bénévoles formés avec l’appui d’une thérapeute "
            "familiale."
        ),
        "mission_en": "Families who have been there are often the best guides.",
        "mission_fr": "Les familles qui sont passées par là sont souvent les meilleurs guides.",
        "funding_en": "Municipal grants, a regional foundation and crowdfunding",
        "funding_fr": (
            "Subventions municipales, une fondation régionale et du financement participatif"
        ),
    },
    {
        "name": "Katarzyna Wójcik",
        "slug": "katarzyna-wojcik",
        "acronym": "",
        "kind": "individual",
        "category": "individual-member",
        "status": "active",
        "published": True,
        "country": "PL",
        "city": "Kraków",
        "latitude": None,
        "longitude": None,
        "website": "",
        "email": "k.wojcik@mail.example",
        "phone": "",
        "joined_on": "2016-05-24",
        "category_since": "2016-05-24",
        "year_founded": None,
        "legal_status": "other",
        "setting": "prison",
        "languages": ["pl", "en", "ru"],
        "topics": ["mothers", "infants", "research"],
        "summary_en": (
            "A sociologist researching the experiences of imprisoned mothers and their young "
            "children in Central and Eastern Europe."
        ),
        "summary_fr": (
            "Sociologue, elle étudie le vécu des mères détenues et de leurs jeunes enfants en "
            "Europe centrale et orientale."
        ),
        "description_en": (
            "Katarzyna Wójcik has led comparative studies of mother-and-baby units in five "
            "countries and advises prison services on the needs of infants. She coordinates the "
            "network's research group on mothers in prison."
        ),
        "description_fr": (
            "Katarzyna Wójcik a dirigé des études comparatives sur les unités mère-enfant de cinq "
            "pays et conseille les administrations pénitentiaires sur les besoins des nourrissons. "
            "Elle coordonne le groupe de recherche du réseau sur les mères détenues."
        ),
        "mission_en": "Policy for mothers in prison should begin with the needs of their babies.",
        "mission_fr": (
            "Les politiques relatives aux mères détenues devraient partir des besoins de leurs "
            "bébés."
        ),
        "funding_en": "",
        "funding_fr": "",
    },
    {
        "name": "Stichting Dichtbij",
        "slug": "stichting-dichtbij",
        "acronym": "",
        "kind": "organisation",
        "category": "member-organisation",
        "status": "active",
        "published": True,
        "country": "NL",
        "city": "Utrecht",
        "latitude": 52.0907,
        "longitude": 5.1214,
        "website": "https://stichting-dichtbij.example",
        "email": "info@stichting-dichtbij.example",
        "phone": "+31 30 000 0000",
        "joined_on": "2009-11-12",
        "category_since": "2011-12-15",
        "year_founded": 2007,
        "legal_status": "foundation",
        "setting": "both",
        "languages": ["nl", "en"],
        "topics": ["family-contact", "prison-visits", "release"],
        "summary_en": (
            "Helps children in the Netherlands keep in touch with a parent in prison, with "
            "accompanied visits, a free card-and-letter service and video calls."
        ),
        "summary_fr": (
            "Aide les enfants aux Pays-Bas à garder le contact avec un parent détenu grâce à des "
            "visites accompagnées, un service gratuit de cartes et de lettres et des appels vidéo."
        ),
        "description_en": (
            "Volunteers accompany children to visits when no family member can, and the foundation "
            "supplies stamped cards and craft packs so that children can write or draw to their "
            "parent. It also runs family days in six prisons and a course for parents preparing "
            "for release."
        ),
        "description_fr": (
            "Des bénévoles accompagnent les enfants aux visites lorsqu’aucun membre de la famille "
            "ne peut le faire, et la fondation fournit des cartes affranchies et du matériel de "
            "bricolage pour que les enfants puissent écrire ou dessiner pour leur parent. Elle "
            "organise aussi des journées familiales dans six prisons et un atelier pour les "
            "parents qui préparent leur sortie."
        ),
        "mission_en": (
            "Contact with a parent should depend on what the child needs, not on where the parent "
            "is."
        ),
        "mission_fr": (
            "Le contact avec un parent doit dépendre des besoins de l’enfant, et non du lieu où se "
            "trouve le parent."
        ),
        "funding_en": "The justice ministry, charitable funds and private donors",
        "funding_fr": "Le ministère de la Justice, des fonds caritatifs et des donateurs privés",
    },
    {
        "name": "Stichting Jonge Stemmen",
        "slug": "stichting-jonge-stemmen",
        "acronym": "",
        "kind": "organisation",
        "category": "applicant-member",
        "status": "active",
        "published": True,
        "country": "NL",
        "city": "Rotterdam",
        "latitude": 51.9244,
        "longitude": 4.4777,
        "website": "https://jongestemmen.example",
        "email": "hallo@jongestemmen.example",
        "phone": "+31 10 000 0000",
        "joined_on": "2025-03-04",
        "category_since": "2025-03-04",
        "year_founded": 2023,
        "legal_status": "foundation",
        "setting": "community",
        "languages": ["nl", "en"],
        "topics": ["participation", "advocacy"],
        "summary_en": (
            "A youth-led foundation that brings together young people who have had a parent in "
            "prison to advise services, speak to policymakers and support one another."
        ),
        "summary_fr": "",
        "description_en": (
            "Around twenty young people aged 14 to 24 meet monthly in Rotterdam with two youth "
            "workers. They have advised the prison service on its visiting rules, spoken at "
            "conferences and made a podcast about growing up with a parent inside."
        ),
        "description_fr": "",
        "mission_en": "Nothing about us without us.",
        "mission_fr": "",
        "funding_en": "A national youth participation fund and the city of Rotterdam",
        "funding_fr": "",
    },
    {
        "name": "Associação Elo Forte",
        "slug": "associacao-elo-forte",
        "acronym": "",
        "kind": "organisation",
        "category": "member-organisation",
        "status": "active",
        "published": True,
        "country": "PT",
        "city": "Lisbon",
        "latitude": 38.7223,
        "longitude": -9.1393,
        "website": "https://elo-forte.example",
        "email": "geral@elo-forte.example",
        "phone": "+351 210 000 000",
        "joined_on": "2006-04-05",
        "category_since": "2008-05-29",
        "year_founded": 2003,
        "legal_status": "association",
        "setting": "both",
        "languages": ["pt", "en"],
        "topics": ["prison-visits", "carers", "wellbeing"],
        "summary_en": (
            "Welcomes families at prisons in the Lisbon area and offers children psychological "
            "support and holiday activities."
        ),
        "summary_fr": (
            "Accueille les familles devant les prisons de la région de Lisbonne et propose aux "
            "enfants un soutien psychologique et des activités pendant les vacances."
        ),
        "description_en": (
            "Elo Forte's welcome points at three prisons give families information, a place to "
            "wait and toys for young children. Its psychologists see children individually or in "
            "small groups, and school holiday programmes offer outings, sport and art in a relaxed "
            "setting."
        ),
        "description_fr": (
            "Les points d’accueil d’Elo Forte, installés devant trois prisons, offrent aux "
            "familles des informations, un lieu pour patienter et des jouets pour les plus petits. "
            "Ses psychologues reçoivent les enfants seuls ou en petits groupes, et des programmes "
            "pendant les vacances scolaires proposent sorties, sport et activités artistiques dans "
            "un cadre détendu."
        ),
        "mission_en": "Families should find kindness at the prison door.",
        "mission_fr": "Les familles doivent trouver de la bienveillance à la porte de la prison.",
        "funding_en": (
            "Agreements with the social security institute, the municipality and private donors"
        ),
        "funding_fr": (
            "Conventions avec l’institut de sécurité sociale, la municipalité et des donateurs "
            "privés"
        ),
    },
    {
        "name": "Projeto Reencontro",
        "slug": "projeto-reencontro",
        "acronym": "",
        "kind": "organisation",
        "category": "applicant-member",
        "status": "active",
        "published": True,
        "country": "PT",
        "city": "Porto",
        "latitude": 41.1579,
        "longitude": -8.6291,
        "website": "https://projeto-reencontro.example",
        "email": "ola@projeto-reencontro.example",
        "phone": "+351 220 000 000",
        "joined_on": "2024-01-30",
        "category_since": "2024-01-30",
        "year_founded": 2021,
        "legal_status": "social_enterprise",
        "setting": "community",
        "languages": ["pt"],
        "topics": ["release", "carers", "parenting-in-prison"],
        "summary_en": (
            "Supports families in northern Portugal when a parent comes home from prison, with "
            "family coaching and help finding work."
        ),
        "summary_fr": (
            "Accompagne les familles du nord du Portugal au moment du retour d’un parent détenu, "
            "grâce à un coaching familial et à une aide à la recherche d’emploi."
        ),
        "description_en": (
            "Family coaches start meeting parents three months before release and continue for up "
            "to a year afterwards. A partnership with local employers offers paid placements, and "
            "a monthly family café brings households in the same situation together."
        ),
        "description_fr": (
            "Des coachs familiaux rencontrent les parents trois mois avant leur sortie et les "
            "accompagnent jusqu’à un an après. Un partenariat avec des employeurs locaux offre des "
            "stages rémunérés, et un café des familles mensuel réunit les foyers qui vivent la "
            "même situation."
        ),
        "mission_en": "A good return home is the best protection for children.",
        "mission_fr": "Un retour réussi à la maison est la meilleure protection pour les enfants.",
        "funding_en": "Social impact investment, the municipality and partner employers",
        "funding_fr": (
            "Investissement à impact social, la municipalité et des employeurs partenaires"
        ),
    },
    {
        "name": "L’Étape",
        "slug": "letape",
        "acronym": "",
        "kind": "organisation",
        "category": "member-organisation",
        "status": "active",
        "published": True,
        "country": "CH",
        "city": "Geneva",
        "latitude": 46.2044,
        "longitude": 6.1432,
        "website": "https://letape-geneve.example",
        "email": "accueil@letape-geneve.example",
        "phone": "+41 22 000 00 00",
        "joined_on": "2003-01-23",
        "category_since": "2005-02-17",
        "year_founded": 1997,
        "legal_status": "association",
        "setting": "both",
        "languages": ["fr", "en", "es", "pt"],
        "topics": ["prison-visits", "carers", "release"],
        "summary_en": (
            "Runs the family welcome centre at Geneva's main prison and advises relatives "
            "throughout a sentence."
        ),
        "summary_fr": (
            "Gère la maison d’accueil des familles de la principale prison genevoise et conseille "
            "les proches tout au long de la peine."
        ),
        "description_en": (
            "The centre is open on every visiting day, with social workers who explain procedures, "
            "help with forms and take time to listen. As many prisoners in Geneva are foreign "
            "nationals, L’Étape also helps families abroad arrange calls and visits, and works in "
            "four languages."
        ),
        "description_fr": (
            "La maison est ouverte tous les jours de visite, avec des travailleurs sociaux qui "
            "expliquent les démarches, aident à remplir les formulaires et prennent le temps "
            "d’écouter. Comme de nombreux détenus à Genève sont de nationalité étrangère, L’Étape "
            "aide aussi les familles vivant à l’étranger à organiser appels et visites, et "
            "travaille en quatre langues."
        ),
        "mission_en": "No family should be left waiting without help at the prison gate.",
        "mission_fr": "Aucune famille ne devrait attendre sans aide devant la prison.",
        "funding_en": "The canton, the city of Geneva and private foundations",
        "funding_fr": "Le canton, la Ville de Genève et des fondations privées",
    },
    {
        "name": "Fachstelle Zwischenzeit",
        "slug": "fachstelle-zwischenzeit",
        "acronym": "",
        "kind": "organisation",
        "category": "member-organisation",
        "status": "former",
        "published": True,
        "country": "CH",
        "city": "Zurich",
        "latitude": None,
        "longitude": None,
        "website": "https://zwischenzeit.example",
        "email": "info@zwischenzeit.example",
        "phone": "+41 44 000 00 00",
        "joined_on": "2008-08-19",
        "category_since": "2010-09-23",
        "year_founded": 2004,
        "legal_status": "association",
        "setting": "community",
        "languages": ["de", "it", "en"],
        "topics": ["carers", "wellbeing", "family-contact"],
        "summary_en": (
            "Offered counselling and a helpline to relatives of prisoners in German-speaking "
            "Switzerland until 2022, when its work passed to a cantonal service."
        ),
        "summary_fr": (
            "A proposé écoute et conseil aux proches de détenus en Suisse alémanique jusqu’en "
            "2022, date à laquelle ses activités ont été reprises par un service cantonal."
        ),
        "description_en": (
            "For nearly twenty years Zwischenzeit's counsellors supported the partners, parents "
            "and children of prisoners by phone and in person, and ran groups for carers. Its "
            "materials for children are still used by the cantonal service that took over its "
            "work."
        ),
        "description_fr": (
            "Pendant près de vingt ans, les conseillers de Zwischenzeit ont soutenu par téléphone "
            "et en personne les conjoints, les parents et les enfants de détenus, et animé des "
            "groupes pour les proches. Ses documents destinés aux enfants sont toujours utilisés "
            "par le service cantonal qui a repris ses activités."
        ),
        "mission_en": "Relatives of prisoners need someone to talk to.",
        "mission_fr": "Les proches de détenus ont besoin d’une oreille attentive.",
        "funding_en": "Cantonal grants and church donations",
        "funding_fr": "Subventions cantonales et dons des Églises",
    },
    {
        "name": "Föreningen Nära Band",
        "slug": "foreningen-nara-band",
        "acronym": "",
        "kind": "organisation",
        "category": "member-organisation",
        "status": "active",
        "published": True,
        "country": "SE",
        "city": "Stockholm",
        "latitude": 59.3293,
        "longitude": 18.0686,
        "website": "https://nara-band.example",
        "email": "info@nara-band.example",
        "phone": "+46 8 000 000 00",
        "joined_on": "2011-02-14",
        "category_since": "2013-03-21",
        "year_founded": 2009,
        "legal_status": "association",
        "setting": "community",
        "languages": ["sv", "en", "ar"],
        "topics": ["wellbeing", "participation", "carers"],
        "summary_en": (
            "Runs weekly support groups and summer camps for children and young people in the "
            "Stockholm region who have a parent in prison."
        ),
        "summary_fr": "",
        "description_en": (
            "Groups for different ages meet after school with trained leaders, using play, art and "
            "conversation. Every summer the association runs a camp on an island in the "
            "archipelago, and older participants can train as group leaders themselves."
        ),
        "description_fr": "",
        "mission_en": "Children should never have to carry a family secret alone.",
        "mission_fr": "",
        "funding_en": "State grants for children's organisations, municipalities and donations",
        "funding_fr": "",
    },
    {
        "name": "Uppsala Forum för Barn och Straff",
        "slug": "uppsala-forum-for-barn-och-straff",
        "acronym": "",
        "kind": "organisation",
        "category": "member-organisation",
        "status": "active",
        "published": True,
        "country": "SE",
        "city": "Uppsala",
        "latitude": 59.8586,
        "longitude": 17.6389,
        "website": "https://barn-och-straff.example",
        "email": "forum@barn-och-straff.example",
        "phone": "+46 18 000 00 00",
        "joined_on": "2014-10-09",
        "category_since": "2016-11-24",
        "year_founded": 2012,
        "legal_status": "research",
        "setting": "community",
        "languages": ["sv", "en"],
        "topics": ["research", "courts", "arrest"],
        "summary_en": (
            "An interdisciplinary research forum studying how Nordic criminal justice systems take "
            "children into account, from arrest to release."
        ),
        "summary_fr": (
            "Forum de recherche interdisciplinaire qui étudie la manière dont les systèmes pénaux "
            "nordiques tiennent compte des enfants, de l’arrestation à la sortie de prison."
        ),
        "description_en": (
            "Lawyers, social scientists and psychologists at the forum carry out joint studies "
            "with the police and prison services of Sweden, Norway and Finland. Recent work has "
            "looked at house searches and arrests where children are present, and at how probation "
            "officers assess family circumstances."
        ),
        "description_fr": (
            "Juristes, sociologues et psychologues du forum mènent des études communes avec les "
            "services de police et les administrations pénitentiaires de Suède, de Norvège et de "
            "Finlande. Leurs travaux récents portent sur les perquisitions et les arrestations en "
            "présence d’enfants, ainsi que sur la manière dont les agents de probation évaluent la "
            "situation familiale."
        ),
        "mission_en": "Research should make children visible at every stage of the justice system.",
        "mission_fr": (
            "La recherche doit rendre les enfants visibles à chaque étape de la procédure pénale."
        ),
        "funding_en": "Research councils and Nordic cooperation funds",
        "funding_fr": "Conseils de la recherche et fonds de coopération nordique",
    },
    {
        "name": "Asociația Alături de Copii",
        "slug": "asociatia-alaturi-de-copii",
        "acronym": "",
        "kind": "organisation",
        "category": "member-organisation",
        "status": "active",
        "published": True,
        "country": "RO",
        "city": "Bucharest",
        "latitude": 44.4268,
        "longitude": 26.1025,
        "website": "https://alaturi-de-copii.example",
        "email": "contact@alaturi-de-copii.example",
        "phone": "+40 21 000 0000",
        "joined_on": "2012-09-27",
        "category_since": "2014-10-16",
        "year_founded": 2010,
        "legal_status": "association",
        "setting": "community",
        "languages": ["ro"],
        "topics": ["schools", "wellbeing", "carers"],
        "summary_en": (
            "Provides after-school support, counselling and school mediation for children in "
            "Bucharest whose parents are in prison."
        ),
        "summary_fr": (
            "Propose un soutien scolaire, un accompagnement psychologique et une médiation avec "
            "l’école aux enfants de Bucarest dont les parents sont détenus."
        ),
        "description_en": (
            "Two day centres in the city offer homework help, a hot meal and activities every "
            "weekday. School mediators work with teachers to prevent stigma and early school "
            "leaving, and the association supports grandparents who have taken on the care of "
            "their grandchildren."
        ),
        "description_fr": (
            "Deux centres de jour offrent chaque jour de la semaine une aide aux devoirs, un repas "
            "chaud et des activités. Des médiateurs scolaires travaillent avec les enseignants "
            "pour prévenir la stigmatisation et le décrochage, et l’association soutient les "
            "grands-parents qui ont pris en charge leurs petits-enfants."
        ),
        "mission_en": "Every child should be able to stay in school and feel they belong there.",
        "mission_fr": "Chaque enfant doit pouvoir rester à l’école et s’y sentir à sa place.",
        "funding_en": "EU structural funds, corporate sponsors and local government",
        "funding_fr": "Fonds structurels européens, mécénat d’entreprise et collectivités locales",
    },
    {
        "name": "Fundația Acasă",
        "slug": "fundatia-acasa",
        "acronym": "",
        "kind": "organisation",
        "category": "applicant-member",
        "status": "active",
        "published": True,
        "country": "RO",
        "city": "Cluj-Napoca",
        "latitude": 46.7712,
        "longitude": 23.6236,
        "website": "https://fundatia-acasa.example",
        "email": "office@fundatia-acasa.example",
        "phone": "+40 264 000 000",
        "joined_on": "2023-11-14",
        "category_since": "2023-11-14",
        "year_founded": 2018,
        "legal_status": "foundation",
        "setting": "both",
        "languages": ["ro", "hu"],
        "topics": ["release", "parenting-in-prison", "carers"],
        "summary_en": (
            "Helps parents leaving prison in Transylvania to rebuild family life, with parenting "
            "courses before release and family support afterwards."
        ),
        "summary_fr": (
            "Aide les parents sortant de prison en Transylvanie à reconstruire leur vie familiale, "
            "avec des ateliers de parentalité avant la sortie et un accompagnement des familles "
            "ensuite."
        ),
        "description_en": (
            "Fundația Acasă runs courses in two prisons and a support service for people leaving "
            "prison in Cluj-Napoca, working in Romanian and Hungarian. Family workers help with "
            "housing, identity documents and re-establishing contact with children in care, always "
            "guided by the child's wishes."
        ),
        "description_fr": (
            "Fundația Acasă anime des ateliers dans deux prisons et un service d’accompagnement à "
            "la sortie à Cluj-Napoca, en roumain et en hongrois. Des travailleurs sociaux aident "
            "les familles pour le logement, les papiers d’identité et la reprise de contact avec "
            "les enfants placés, toujours en tenant compte des souhaits de l’enfant."
        ),
        "mission_en": "Home should be somewhere a child can feel safe again.",
        "mission_fr": "La maison doit redevenir un lieu où l’enfant se sent en sécurité.",
        "funding_en": "An international cooperation programme, the county council and donations",
        "funding_fr": (
            "Un programme de coopération internationale, le conseil départemental et des dons"
        ),
    },
    {
        "name": "Ridni Poruch",
        "slug": "ridni-poruch",
        "acronym": "",
        "kind": "organisation",
        "category": "member-organisation",
        "status": "active",
        "published": True,
        "country": "UA",
        "city": "Kyiv",
        "latitude": 50.4501,
        "longitude": 30.5234,
        "website": "https://ridni-poruch.example",
        "email": "info@ridni-poruch.example",
        "phone": "+380 44 000 0000",
        "joined_on": "2021-04-15",
        "category_since": "2023-05-11",
        "year_founded": 2016,
        "legal_status": "association",
        "setting": "both",
        "languages": ["uk", "en"],
        "topics": ["wellbeing", "carers", "family-contact"],
        "summary_en": (
            "Offers psychological support to children whose parents are in prison or pre-trial "
            "detention in Ukraine, and helps families stay in contact."
        ),
        "summary_fr": (
            "Offre un soutien psychologique aux enfants dont les parents sont en prison ou en "
            "détention provisoire en Ukraine, et aide les familles à garder le contact."
        ),
        "description_en": (
            "Psychologists work with children and carers in Kyiv and online across the country, "
            "including families who have been displaced. The organisation helps families arrange "
            "letters, calls and visits, and has trained social workers in several regions to "
            "support children of prisoners."
        ),
        "description_fr": (
            "Des psychologues accompagnent les enfants et leurs proches à Kyiv et, en ligne, dans "
            "tout le pays, y compris les familles déplacées. L’organisation aide les familles à "
            "organiser courrier, appels et visites, et a formé des travailleurs sociaux de "
            "plusieurs régions au soutien des enfants de détenus."
        ),
        "mission_en": "Children need stability and care, whatever is happening around them.",
        "mission_fr": (
            "Les enfants ont besoin de stabilité et d’attention, quoi qu’il se passe autour d’eux."
        ),
        "funding_en": "International donors, European foundations and private donations",
        "funding_fr": "Bailleurs internationaux, fondations européennes et dons privés",
    },
    {
        "name": "Svitanok",
        "slug": "svitanok",
        "acronym": "",
        "kind": "organisation",
        "category": "applicant-member",
        "status": "active",
        "published": True,
        "country": "UA",
        "city": "Lviv",
        "latitude": None,
        "longitude": None,
        "website": "https://svitanok.example",
        "email": "info@svitanok.example",
        "phone": "+380 32 000 0000",
        "joined_on": "2025-05-20",
        "category_since": "2025-05-20",
        "year_founded": 2019,
        "legal_status": "association",
        "setting": "prison",
        "languages": ["uk"],
        "topics": ["mothers", "infants", "parenting-in-prison"],
        "summary_en": (
            "Supports women in prison in western Ukraine who are pregnant or caring for babies, "
            "and prepares mothers and children for life after release."
        ),
        "summary_fr": (
            "Accompagne les femmes détenues dans l’ouest de l’Ukraine qui sont enceintes ou "
            "s’occupent d’un bébé, et prépare mères et enfants à la vie après la sortie."
        ),
        "description_en": (
            "A midwife, a psychologist and volunteers visit the women's prison each week, running "
            "antenatal classes and parenting groups. Svitanok provides baby equipment and helps "
            "mothers plan for their child's care, working closely with the staff of the prison's "
            "children's home."
        ),
        "description_fr": (
            "Une sage-femme, une psychologue et des bénévoles se rendent chaque semaine à la "
            "prison pour femmes, où ils animent des séances de préparation à la naissance et des "
            "groupes de parentalité. Svitanok fournit du matériel de puériculture et aide les "
            "mères à organiser la prise en charge de leur enfant, en lien étroit avec l’équipe de "
            "la maison d’enfants de la prison."
        ),
        "mission_en": "Every mother and baby deserves a good start, wherever they are.",
        "mission_fr": "Chaque mère et chaque bébé méritent un bon départ, où qu’ils se trouvent.",
        "funding_en": "Church charities and international donors",
        "funding_fr": "Œuvres caritatives des Églises et bailleurs internationaux",
    },
    {
        "name": "Spolu s dětmi z.s.",
        "slug": "spolu-s-detmi",
        "acronym": "",
        "kind": "organisation",
        "category": "member-organisation",
        "status": "active",
        "published": True,
        "country": "CZ",
        "city": "Prague",
        "latitude": 50.0755,
        "longitude": 14.4378,
        "website": "https://spolusdetmi.example",
        "email": "info@spolusdetmi.example",
        "phone": "+420 200 000 000",
        "joined_on": "2011-05-11",
        "category_since": "2013-06-20",
        "year_founded": 2008,
        "legal_status": "association",
        "setting": "prison",
        "languages": ["cs"],
        "topics": ["prison-visits", "training", "family-contact"],
        "summary_en": (
            "Works with the Czech prison service to make visits child-friendly, training staff and "
            "fitting out family visiting rooms."
        ),
        "summary_fr": (
            "Travaille avec l’administration pénitentiaire tchèque pour rendre les visites "
            "adaptées aux enfants, en formant le personnel et en aménageant des salles de visite "
            "familiales."
        ),
        "description_en": (
            "Spolu s dětmi has helped design family rooms in eleven prisons and runs a training "
            "module on children's needs that is now part of the induction of new prison officers. "
            "It also publishes a guide for families explaining visits, calls and letters."
        ),
        "description_fr": (
            "Spolu s dětmi a contribué à la conception de salles familiales dans onze prisons et "
            "propose un module de formation sur les besoins des enfants, désormais intégré à la "
            "formation initiale des nouveaux surveillants. L’association publie aussi un guide "
            "expliquant aux familles le fonctionnement des visites, des appels et du courrier."
        ),
        "mission_en": "Prisons can be places where family bonds are protected.",
        "mission_fr": "Les prisons peuvent être des lieux où les liens familiaux sont protégés.",
        "funding_en": "Ministry grants, EEA and Norway Grants, and private donors",
        "funding_fr": (
            "Subventions ministérielles, fonds de l’EEE et de la Norvège, et donateurs privés"
        ),
    },
    {
        "name": "Nový začátek",
        "slug": "novy-zacatek",
        "acronym": "",
        "kind": "organisation",
        "category": "member-organisation",
        "status": "former",
        "published": True,
        "country": "CZ",
        "city": "Brno",
        "latitude": None,
        "longitude": None,
        "website": "https://novy-zacatek.example",
        "email": "info@novy-zacatek.example",
        "phone": "+420 500 000 000",
        "joined_on": "2007-02-22",
        "category_since": "2009-03-26",
        "year_founded": 2005,
        "legal_status": "association",
        "setting": "community",
        "languages": ["cs", "sk"],
        "topics": ["release", "carers"],
        "summary_en": (
            "Supported families in South Moravia through a parent's release from prison, until it "
            "merged into a regional social services provider in 2020."
        ),
        "summary_fr": (
            "A accompagné les familles de Moravie-du-Sud lors de la sortie de prison d’un parent, "
            "jusqu’à sa fusion en 2020 avec un prestataire régional de services sociaux."
        ),
        "description_en": (
            "Nový začátek offered family counselling, debt advice and practical help in the months "
            "after release. Its former team continues some of this work within the regional "
            "provider."
        ),
        "description_fr": (
            "Nový začátek proposait un accompagnement familial, des conseils en matière "
            "d’endettement et une aide pratique dans les mois suivant la sortie. Son ancienne "
            "équipe poursuit une partie de ce travail au sein du prestataire régional."
        ),
        "mission_en": "Release is a new beginning for the whole family.",
        "mission_fr": "La sortie est un nouveau départ pour toute la famille.",
        "funding_en": "Regional social services funding",
        "funding_fr": "Financement régional des services sociaux",
    },
    {
        "name": "Familieankeret",
        "slug": "familieankeret",
        "acronym": "",
        "kind": "organisation",
        "category": "member-organisation",
        "status": "active",
        "published": True,
        "country": "DK",
        "city": "Aarhus",
        "latitude": 56.1629,
        "longitude": 10.2039,
        "website": "https://familieankeret.example",
        "email": "kontakt@familieankeret.example",
        "phone": "+45 86 00 00 00",
        "joined_on": "2013-04-17",
        "category_since": "2015-05-28",
        "year_founded": 2011,
        "legal_status": "association",
        "setting": "community",
        "languages": ["da", "en"],
        "topics": ["carers", "wellbeing", "release"],
        "summary_en": (
            "Offers counselling and volunteer family friends to children and carers in Jutland "
            "while a parent serves a sentence."
        ),
        "summary_fr": (
            "Propose aux enfants et à leurs proches dans le Jutland un accompagnement "
            "psychologique et le soutien de bénévoles pendant la détention d’un parent."
        ),
        "description_en": (
            "Volunteer family friends visit every week, offering a listening ear to carers and "
            "outings for children. A family therapist sees children and parents together when they "
            "ask for it, including after release."
        ),
        "description_fr": (
            "Des bénévoles rendent visite chaque semaine aux familles, écoutent les proches et "
            "emmènent les enfants en sortie. Une thérapeute familiale reçoit ensemble enfants et "
            "parents lorsqu’ils le demandent, y compris après la sortie de prison."
        ),
        "mission_en": "Small acts of support, week after week, help families hold together.",
        "mission_fr": (
            "De petits gestes de soutien, semaine après semaine, aident les familles à tenir."
        ),
        "funding_en": "Municipal funds, a national pool for social projects and donations",
        "funding_fr": (
            "Fonds municipaux, une enveloppe nationale pour les projets sociaux et des dons"
        ),
    },
    {
        "name": "Mette Lindholm",
        "slug": "mette-lindholm",
        "acronym": "",
        "kind": "individual",
        "category": "individual-member",
        "status": "active",
        "published": True,
        "country": "DK",
        "city": "Copenhagen",
        "latitude": None,
        "longitude": None,
        "website": "",
        "email": "mette.lindholm@mail.example",
        "phone": "",
        "joined_on": "2020-09-08",
        "category_since": "2020-09-08",
        "year_founded": None,
        "legal_status": "other",
        "setting": "prison",
        "languages": ["da", "en", "sv"],
        "topics": ["prison-visits", "training", "advocacy"],
        "summary_en": (
            "A former deputy prison governor who now advises prison services on family-friendly "
            "visiting and on training staff to welcome children."
        ),
        "summary_fr": (
            "Ancienne directrice adjointe d’établissement pénitentiaire, elle conseille "
            "aujourd’hui les administrations sur l’organisation de visites adaptées aux familles "
            "et sur la formation du personnel à l’accueil des enfants."
        ),
        "description_en": (
            "During thirty years in the Danish prison service, Mette Lindholm introduced family "
            "visiting flats and named a member of staff responsible for children's visits in every "
            "prison she managed. She now works as an independent consultant and represents the "
            "network in its contacts with prison administrations across Europe."
        ),
        "description_fr": (
            "En trente ans au sein de l’administration pénitentiaire danoise, Mette Lindholm a "
            "créé des appartements de visite familiale et désigné, dans chaque établissement "
            "qu’elle dirigeait, un agent chargé de l’accueil des enfants. Consultante "
            "indépendante, elle représente aujourd’hui le réseau auprès des administrations "
            "pénitentiaires de toute l’Europe."
        ),
        "mission_en": "A prison that welcomes children well is a safer prison for everyone.",
        "mission_fr": (
            "Une prison qui accueille bien les enfants est une prison plus sûre pour tous."
        ),
        "funding_en": "",
        "funding_fr": "",
    },
    {
        "name": "Verein Nahtstelle",
        "slug": "verein-nahtstelle",
        "acronym": "",
        "kind": "organisation",
        "category": "member-organisation",
        "status": "active",
        "published": True,
        "country": "AT",
        "city": "Vienna",
        "latitude": 48.2082,
        "longitude": 16.3738,
        "website": "https://nahtstelle.example",
        "email": "office@nahtstelle.example",
        "phone": "+43 1 000 00 00",
        "joined_on": "2014-06-04",
        "category_since": "2016-09-15",
        "year_founded": 2012,
        "legal_status": "association",
        "setting": "both",
        "languages": ["de", "tr", "sr"],
        "topics": ["prison-visits", "parenting-in-prison", "family-contact"],
        "summary_en": (
            "Runs a child-friendly visiting room and father–child groups in Vienna's prisons, and "
            "advises families in German, Turkish and Serbian."
        ),
        "summary_fr": (
            "Gère une salle de visite adaptée aux enfants et des groupes pères-enfants dans les "
            "prisons viennoises, et conseille les familles en allemand, en turc et en serbe."
        ),
        "description_en": (
            "The visiting room, designed with children and a local school of architecture, has "
            "comfortable furniture, books and games. Fathers meet each month to prepare activities "
            "they can share with their children during visits."
        ),
        "description_fr": (
            "La salle de visite, conçue avec des enfants et une école d’architecture de la ville, "
            "est équipée de mobilier confortable, de livres et de jeux. Les pères se réunissent "
            "chaque mois pour préparer des activités à partager avec leurs enfants pendant les "
            "visites."
        ),
        "mission_en": "A visit should leave children wanting to come back.",
        "mission_fr": "Une visite doit donner aux enfants l’envie de revenir.",
        "funding_en": "The federal justice ministry, the city of Vienna and donations",
        "funding_fr": "Le ministère fédéral de la Justice, la Ville de Vienne et des dons",
    },
    {
        "name": "Johannes Pichler",
        "slug": "johannes-pichler",
        "acronym": "",
        "kind": "individual",
        "category": "individual-member",
        "status": "active",
        "published": True,
        "country": "AT",
        "city": "Graz",
        "latitude": None,
        "longitude": None,
        "website": "",
        "email": "j.pichler@mail.example",
        "phone": "",
        "joined_on": "2017-11-02",
        "category_since": "2017-11-02",
        "year_founded": None,
        "legal_status": "other",
        "setting": "community",
        "languages": ["de", "en"],
        "topics": ["courts", "arrest", "advocacy"],
        "summary_en": (
            "A lawyer specialising in children's rights in criminal proceedings, who has helped "
            "draft guidelines for the police and courts in Austria."
        ),
        "summary_fr": (
            "Avocat spécialisé dans les droits de l’enfant dans la procédure pénale, il a "
            "participé à l’élaboration de lignes directrices pour la police et les tribunaux en "
            "Autriche."
        ),
        "description_en": (
            "Johannes Pichler practised as a defence lawyer in Graz for fifteen years before "
            "moving into policy work. He teaches children's rights at a law faculty and "
            "contributes legal analysis to the network's advocacy on arrest and sentencing."
        ),
        "description_fr": (
            "Johannes Pichler a exercé quinze ans comme avocat pénaliste à Graz avant de se "
            "consacrer aux politiques publiques. Il enseigne les droits de l’enfant dans une "
            "faculté de droit et apporte ses analyses juridiques au plaidoyer du réseau sur "
            "l’arrestation et la condamnation."
        ),
        "mission_en": "The law already protects children's interests; it must also be applied.",
        "mission_fr": (
            "Le droit protège déjà l’intérêt de l’enfant, encore faut-il qu’il soit appliqué."
        ),
        "funding_en": "",
        "funding_fr": "",
    },
    {
        "name": "Zaedno za Detsata",
        "slug": "zaedno-za-detsata",
        "acronym": "",
        "kind": "organisation",
        "category": "member-organisation",
        "status": "active",
        "published": True,
        "country": "BG",
        "city": "Sofia",
        "latitude": 42.6977,
        "longitude": 23.3219,
        "website": "https://zaedno-za-detsata.example",
        "email": "office@zaedno-za-detsata.example",
        "phone": "+359 2 000 0000",
        "joined_on": "2015-03-12",
        "category_since": "2017-04-20",
        "year_founded": 2013,
        "legal_status": "association",
        "setting": "both",
        "languages": ["bg", "en"],
        "topics": ["family-contact", "carers", "training"],
        "summary_en": (
            "Brings social workers into Bulgarian prisons to help parents keep in touch with their "
            "children, and supports the families caring for them."
        ),
        "summary_fr": (
            "Fait intervenir des travailleurs sociaux dans les prisons bulgares pour aider les "
            "parents à garder le contact avec leurs enfants, et soutient les familles qui "
            "s’occupent de ces derniers."
        ),
        "description_en": (
            "Social workers hold regular sessions in three prisons, helping parents write to their "
            "children, arrange calls and plan visits. Outside, the association visits carers at "
            "home, most often grandparents, and trains child-protection staff."
        ),
        "description_fr": (
            "Des travailleurs sociaux tiennent des permanences régulières dans trois prisons pour "
            "aider les parents à écrire à leurs enfants, à organiser des appels et à préparer les "
            "visites. À l’extérieur, l’association rend visite à domicile aux proches qui élèvent "
            "les enfants, le plus souvent des grands-parents, et forme les professionnels de la "
            "protection de l’enfance."
        ),
        "mission_en": "Children should not lose a parent because of a prison sentence.",
        "mission_fr": "Une peine de prison ne doit pas priver un enfant de son parent.",
        "funding_en": "European social funds, foundations and corporate donors",
        "funding_fr": "Fonds sociaux européens, fondations et mécènes",
    },
    {
        "name": "Udruga Korak Bliže",
        "slug": "udruga-korak-blize",
        "acronym": "",
        "kind": "organisation",
        "category": "member-organisation",
        "status": "active",
        "published": True,
        "country": "HR",
        "city": "Zagreb",
        "latitude": 45.8150,
        "longitude": 15.9819,
        "website": "https://korak-blize.example",
        "email": "info@korak-blize.example",
        "phone": "+385 1 000 0000",
        "joined_on": "2016-07-07",
        "category_since": "2018-09-13",
        "year_founded": 2014,
        "legal_status": "association",
        "setting": "prison",
        "languages": ["hr", "en"],
        "topics": ["prison-visits", "parenting-in-prison", "training"],
        "summary_en": (
            "Runs parenting workshops and child-friendly visits in Croatian prisons, and trains "
            "prison staff to welcome families."
        ),
        "summary_fr": (
            "Anime des ateliers de parentalité et des visites adaptées aux enfants dans les "
            "prisons croates, et forme le personnel pénitentiaire à l’accueil des familles."
        ),
        "description_en": (
            "Korak Bliže's workshops help parents in prison understand their children's "
            "development and prepare for visits. With the prison administration it has created "
            "play corners in five prisons and a short course for the officers who supervise "
            "visits."
        ),
        "description_fr": (
            "Les ateliers de Korak Bliže aident les parents détenus à comprendre le développement "
            "de leurs enfants et à préparer les visites. Avec l’administration pénitentiaire, "
            "l’association a aménagé des coins jeux dans cinq prisons et conçu une courte "
            "formation pour les agents qui encadrent les visites."
        ),
        "mission_en": "Every step towards a child is worth taking.",
        "mission_fr": "Chaque pas vers l’enfant compte.",
        "funding_en": (
            "The national foundation for civil society, the justice ministry and EU projects"
        ),
        "funding_fr": (
            "La fondation nationale pour la société civile, le ministère de la Justice et des "
            "projets européens"
        ),
    },
    {
        "name": "Oikogeneies Mazi",
        "slug": "oikogeneies-mazi",
        "acronym": "",
        "kind": "organisation",
        "category": "applicant-member",
        "status": "active",
        "published": True,
        "country": "CY",
        "city": "Nicosia",
        "latitude": 35.1856,
        "longitude": 33.3823,
        "website": "https://oikogeneies-mazi.example",
        "email": "info@oikogeneies-mazi.example",
        "phone": "+357 22 000000",
        "joined_on": "2025-01-22",
        "category_since": "2025-01-22",
        "year_founded": 2022,
        "legal_status": "association",
        "setting": "community",
        "languages": ["el", "en", "tr"],
        "topics": ["carers", "wellbeing", "advocacy"],
        "summary_en": (
            "A small volunteer association in Nicosia supporting the families of prisoners and "
            "calling for children's needs to be considered in the justice system of Cyprus."
        ),
        "summary_fr": "",
        "description_en": (
            "Volunteers, several of them relatives of former prisoners, run a weekly drop-in and a "
            "phone line in Greek and English. The association is building links with the prison "
            "and with child-protection services to develop the country's first family support "
            "programme."
        ),
        "description_fr": "",
        "mission_en": "Families of prisoners should be met with understanding, not silence.",
        "mission_fr": "",
        "funding_en": "Volunteer fundraising and a small grant from a European foundation",
        "funding_fr": "",
    },
    {
        "name": "MTÜ Lapse Hääl",
        "slug": "mtu-lapse-haal",
        "acronym": "",
        "kind": "organisation",
        "category": "member-organisation",
        "status": "active",
        "published": True,
        "country": "EE",
        "city": "Tallinn",
        "latitude": 59.4370,
        "longitude": 24.7536,
        "website": "https://lapsehaal.example",
        "email": "info@lapsehaal.example",
        "phone": "+372 600 0000",
        "joined_on": "2018-02-21",
        "category_since": "2020-03-05",
        "year_founded": 2016,
        "legal_status": "association",
        "setting": "community",
        "languages": ["et", "ru", "en"],
        "topics": ["participation", "advocacy", "schools"],
        "summary_en": (
            "Gives young people with a parent in prison a say in Estonian policy, through a youth "
            "council and work with schools and ministries."
        ),
        "summary_fr": (
            "Donne voix au chapitre, dans les politiques estoniennes, aux jeunes dont un parent "
            "est détenu, grâce à un conseil de jeunes et à un travail avec les écoles et les "
            "ministères."
        ),
        "description_en": (
            "The youth council meets in Tallinn and Tartu and reviews policies affecting children "
            "of prisoners. Its members have presented recommendations to the justice and education "
            "ministries, and the association trains school support staff in Estonian and Russian."
        ),
        "description_fr": (
            "Le conseil de jeunes se réunit à Tallinn et à Tartu et examine les politiques qui "
            "concernent les enfants de détenus. Ses membres ont présenté des recommandations aux "
            "ministères de la Justice et de l’Éducation, et l’association forme le personnel "
            "d’accompagnement scolaire en estonien et en russe."
        ),
        "mission_en": "Young people are experts in their own lives.",
        "mission_fr": "Les jeunes sont les premiers experts de leur propre vie.",
        "funding_en": "A national civil society fund and the city of Tallinn",
        "funding_fr": "Un fonds national pour la société civile et la Ville de Tallinn",
    },
    {
        "name": "Yhteys ry",
        "slug": "yhteys",
        "acronym": "",
        "kind": "organisation",
        "category": "member-organisation",
        "status": "active",
        "published": True,
        "country": "FI",
        "city": "Tampere",
        "latitude": 61.4978,
        "longitude": 23.7610,
        "website": "https://yhteys-ry.example",
        "email": "toimisto@yhteys-ry.example",
        "phone": "+358 3 0000 0000",
        "joined_on": "2005-11-09",
        "category_since": "2007-12-13",
        "year_founded": 2000,
        "legal_status": "association",
        "setting": "both",
        "languages": ["fi", "sv", "en"],
        "topics": ["family-contact", "prison-visits", "release"],
        "summary_en": (
            "Runs family rooms and video visits in Finnish prisons and supports families before "
            "and after a parent's release."
        ),
        "summary_fr": (
            "Gère des salles familiales et des visites vidéo dans les prisons finlandaises et "
            "accompagne les familles avant et après la sortie d’un parent."
        ),
        "description_en": (
            "Yhteys pioneered video visits in Finland and now supports them in most of the "
            "country's prisons, alongside furnished family rooms where children can spend several "
            "hours with their parent. Its family workers plan the return home with the parent, the "
            "carer and, where appropriate, the children themselves."
        ),
        "description_fr": (
            "Pionnière des visites vidéo en Finlande, Yhteys les accompagne aujourd’hui dans la "
            "plupart des prisons du pays, en complément de salles familiales aménagées où les "
            "enfants peuvent passer plusieurs heures avec leur parent. Ses intervenants familiaux "
            "préparent le retour à la maison avec le parent, la personne qui s’occupe des enfants "
            "et, lorsque c’est approprié, les enfants eux-mêmes."
        ),
        "mission_en": "Staying connected makes coming home easier.",
        "mission_fr": "Garder le lien facilite le retour.",
        "funding_en": (
            "The state funding centre for social and health organisations and the prison service"
        ),
        "funding_fr": (
            "L’organisme public qui finance les associations sociales et de santé, et "
            "l’administration pénitentiaire"
        ),
    },
    {
        "name": "Kyklos Frontidas",
        "slug": "kyklos-frontidas",
        "acronym": "",
        "kind": "organisation",
        "category": "member-organisation",
        "status": "active",
        "published": True,
        "country": "GR",
        "city": "Athens",
        "latitude": 37.9838,
        "longitude": 23.7275,
        "website": "https://kyklos-frontidas.example",
        "email": "info@kyklos-frontidas.example",
        "phone": "+30 210 000 0000",
        "joined_on": "2012-03-28",
        "category_since": "2014-04-24",
        "year_founded": 2009,
        "legal_status": "association",
        "setting": "prison",
        "languages": ["el", "en"],
        "topics": ["mothers", "infants", "carers"],
        "summary_en": (
            "Supports mothers in Greek prisons, including those living with their babies, and the "
            "relatives caring for their older children."
        ),
        "summary_fr": (
            "Accompagne les mères détenues en Grèce, y compris celles qui vivent avec leur bébé, "
            "ainsi que les proches qui s’occupent de leurs enfants plus âgés."
        ),
        "description_en": (
            "A paediatric nurse and a social worker visit the women's prison weekly, running a "
            "baby group and helping mothers plan for their children's care. Outside, Kyklos "
            "Frontidas helps families bring children to visits and organises respite days for "
            "carers."
        ),
        "description_fr": (
            "Une infirmière puéricultrice et une assistante sociale se rendent chaque semaine à la "
            "prison pour femmes, où elles animent un groupe pour les bébés et aident les mères à "
            "organiser la prise en charge de leurs enfants. À l’extérieur, Kyklos Frontidas aide "
            "les familles à amener les enfants aux visites et organise des journées de répit pour "
            "les proches."
        ),
        "mission_en": "Caring for mothers means caring for their children.",
        "mission_fr": "Prendre soin des mères, c’est prendre soin de leurs enfants.",
        "funding_en": "Private foundations and donations from the Greek diaspora",
        "funding_fr": "Fondations privées et dons de la diaspora grecque",
    },
    {
        "name": "Kapocs Egyesület",
        "slug": "kapocs-egyesulet",
        "acronym": "",
        "kind": "organisation",
        "category": "member-organisation",
        "status": "active",
        "published": True,
        "country": "HU",
        "city": "Budapest",
        "latitude": 47.4979,
        "longitude": 19.0402,
        "website": "https://kapocs.example",
        "email": "info@kapocs.example",
        "phone": "+36 1 000 0000",
        "joined_on": "2010-06-16",
        "category_since": "2012-09-06",
        "year_founded": 2008,
        "legal_status": "association",
        "setting": "community",
        "languages": ["hu"],
        "topics": ["schools", "training", "wellbeing"],
        "summary_en": (
            "Trains teachers, school psychologists and social workers in Hungary to recognise and "
            "support children affected by a parent's imprisonment."
        ),
        "summary_fr": "",
        "description_en": (
            "Kapocs's accredited course for teachers has been taken by more than two thousand "
            "school staff. The association also offers short-term counselling to children referred "
            "by their schools and publishes classroom materials on families and separation."
        ),
        "description_fr": "",
        "mission_en": "A well-informed teacher can change a child's experience of school.",
        "mission_fr": "",
        "funding_en": "Training fees, foundations and a ministry grant for child protection",
        "funding_fr": "",
    },
    {
        "name": "Biedrība Tuvāk",
        "slug": "biedriba-tuvak",
        "acronym": "",
        "kind": "organisation",
        "category": "applicant-member",
        "status": "active",
        "published": True,
        "country": "LV",
        "city": "Riga",
        "latitude": 56.9496,
        "longitude": 24.1052,
        "website": "https://tuvak.example",
        "email": "info@tuvak.example",
        "phone": "+371 6000 0000",
        "joined_on": "2024-06-05",
        "category_since": "2024-06-05",
        "year_founded": 2021,
        "legal_status": "association",
        "setting": "both",
        "languages": ["lv", "ru"],
        "topics": ["family-contact", "carers", "parenting-in-prison"],
        "summary_en": (
            "A young association in Riga helping children keep in touch with a parent in prison, "
            "through letters, video calls and accompanied visits."
        ),
        "summary_fr": (
            "Jeune association de Riga qui aide les enfants à garder le contact avec un parent "
            "détenu grâce au courrier, aux appels vidéo et aux visites accompagnées."
        ),
        "description_en": (
            "Tuvāk was founded by social workers who saw how little support families received. It "
            "works with two prisons near Riga, helping parents write to their children and helping "
            "carers explain the situation to the children."
        ),
        "description_fr": (
            "Tuvāk a été créée par des travailleurs sociaux qui constataient le peu de soutien "
            "dont bénéficiaient les familles. Elle travaille avec deux prisons proches de Riga, où "
            "elle aide les parents à écrire à leurs enfants, et aide les proches à expliquer la "
            "situation aux enfants."
        ),
        "mission_en": "Closeness can survive distance.",
        "mission_fr": "La proximité peut résister à la distance.",
        "funding_en": "A state society integration fund and private donations",
        "funding_fr": "Un fonds public pour l’intégration sociale et des dons privés",
    },
    {
        "name": "Asociacija Artimi",
        "slug": "asociacija-artimi",
        "acronym": "",
        "kind": "organisation",
        "category": "member-organisation",
        "status": "active",
        "published": True,
        "country": "LT",
        "city": "Vilnius",
        "latitude": 54.6872,
        "longitude": 25.2797,
        "website": "https://artimi.example",
        "email": "info@artimi.example",
        "phone": "+370 5 000 0000",
        "joined_on": "2014-12-03",
        "category_since": "2017-01-19",
        "year_founded": 2012,
        "legal_status": "association",
        "setting": "community",
        "languages": ["lt", "ru", "pl"],
        "topics": ["carers", "wellbeing", "family-contact"],
        "summary_en": (
            "Runs a free helpline and online chat for families of prisoners in Lithuania, with a "
            "separate service for teenagers."
        ),
        "summary_fr": (
            "Tient une ligne d’écoute gratuite et un service de discussion en ligne pour les "
            "familles de détenus en Lituanie, avec un service spécifique pour les adolescents."
        ),
        "description_en": (
            "Trained volunteers answer calls and messages every evening in Lithuanian, Russian and "
            "Polish. Teenagers can chat anonymously with young volunteers, and the association "
            "refers families to local psychologists and social services."
        ),
        "description_fr": (
            "Des bénévoles formés répondent chaque soir aux appels et aux messages en lituanien, "
            "en russe et en polonais. Les adolescents peuvent échanger anonymement avec de jeunes "
            "bénévoles, et l’association oriente les familles vers des psychologues et des "
            "services sociaux de proximité."
        ),
        "mission_en": "No one should feel alone when a family member is in prison.",
        "mission_fr": "Personne ne devrait se sentir seul face à l’incarcération d’un proche.",
        "funding_en": "Government grants for NGOs and corporate donations",
        "funding_fr": "Subventions publiques aux associations et dons d’entreprises",
    },
    {
        "name": "Passerelle Famille asbl",
        "slug": "passerelle-famille",
        "acronym": "",
        "kind": "organisation",
        "category": "member-organisation",
        "status": "active",
        "published": True,
        "country": "LU",
        "city": "Luxembourg",
        "latitude": 49.6116,
        "longitude": 6.1319,
        "website": "https://passerelle-famille.example",
        "email": "info@passerelle-famille.example",
        "phone": "+352 40 00 00",
        "joined_on": "2013-09-25",
        "category_since": "2015-10-22",
        "year_founded": 2010,
        "legal_status": "association",
        "setting": "both",
        "languages": ["lb", "fr", "de", "pt"],
        "topics": ["prison-visits", "family-contact", "wellbeing"],
        "summary_en": (
            "Accompanies children on visits to their parent in Luxembourg's prisons and offers "
            "them a space to talk, in four languages."
        ),
        "summary_fr": (
            "Accompagne les enfants lors des visites à leur parent dans les prisons "
            "luxembourgeoises et leur offre un espace de parole, en quatre langues."
        ),
        "description_en": (
            "Educators prepare each child for their first visit, go with them and talk it through "
            "afterwards. The association also holds a drop-in for carers in the capital and "
            "arranges video calls for families living across the border."
        ),
        "description_fr": (
            "Des éducateurs préparent chaque enfant à sa première visite, l’accompagnent puis en "
            "reparlent avec lui. L’association tient aussi une permanence pour les proches dans la "
            "capitale et organise des appels vidéo pour les familles qui vivent de l’autre côté de "
            "la frontière."
        ),
        "mission_en": (
            "Children should be prepared and supported for a prison visit, never taken by surprise."
        ),
        "mission_fr": (
            "Une visite en prison doit être préparée et accompagnée, jamais subie par l’enfant."
        ),
        "funding_en": "The family ministry and private donations",
        "funding_fr": "Le ministère de la Famille et des dons privés",
    },
    {
        "name": "Island Families Network",
        "slug": "island-families-network",
        "acronym": "IFN",
        "kind": "organisation",
        "category": "member-organisation",
        "status": "active",
        "published": True,
        "country": "MT",
        "city": "Valletta",
        "latitude": 35.8989,
        "longitude": 14.5146,
        "website": "https://islandfamilies.example",
        "email": "info@islandfamilies.example",
        "phone": "+356 2000 0000",
        "joined_on": "2017-10-18",
        "category_since": "2020-01-16",
        "year_founded": 2015,
        "legal_status": "association",
        "setting": "both",
        "languages": ["en"],
        "topics": ["carers", "family-contact", "prison-visits"],
        "summary_en": (
            "Supports the families of prisoners in Malta and Gozo with advice, transport to visits "
            "and a monthly family day inside the prison."
        ),
        "summary_fr": "",
        "description_en": (
            "Volunteers drive families from Gozo and the south of Malta to visits, and the network "
            "runs a monthly family day with the prison administration. A caseworker helps families "
            "with benefits, schooling and contact arrangements."
        ),
        "description_fr": "",
        "mission_en": "In a small country, no family should be left out.",
        "mission_fr": "",
        "funding_en": "Government funds for voluntary organisations and local parishes",
        "funding_fr": "",
    },
    {
        "name": "Stiftelsen Lysglimt",
        "slug": "stiftelsen-lysglimt",
        "acronym": "",
        "kind": "organisation",
        "category": "member-organisation",
        "status": "active",
        "published": True,
        "country": "NO",
        "city": "Bergen",
        "latitude": 60.3913,
        "longitude": 5.3221,
        "website": "https://lysglimt.example",
        "email": "post@lysglimt.example",
        "phone": "+47 55 00 00 00",
        "joined_on": "2004-08-26",
        "category_since": "2006-09-07",
        "year_founded": 2002,
        "legal_status": "foundation",
        "setting": "both",
        "languages": ["nb", "en"],
        "topics": ["schools", "parenting-in-prison", "participation"],
        "summary_en": (
            "Supports children with a parent in prison in western Norway through school "
            "programmes, parenting courses in prison and a youth advisory group."
        ),
        "summary_fr": (
            "Soutient les enfants dont un parent est détenu dans l’ouest de la Norvège grâce à des "
            "programmes scolaires, des ateliers de parentalité en prison et un groupe consultatif "
            "de jeunes."
        ),
        "description_en": (
            "Lysglimt visits schools to talk about families and imprisonment, and helps teachers "
            "support individual pupils. In prison, its parenting course helps parents keep their "
            "place in their children's lives, and its youth group advises the prison service on "
            "family contact."
        ),
        "description_fr": (
            "Lysglimt intervient dans les écoles pour parler de la famille et de l’incarcération, "
            "et aide les enseignants à accompagner les élèves concernés. En prison, son atelier de "
            "parentalité aide les parents à garder leur place dans la vie de leurs enfants, et son "
            "groupe de jeunes conseille l’administration pénitentiaire sur le maintien des liens "
            "familiaux."
        ),
        "mission_en": (
            "A child's life goes on while a parent is in prison, and so must their support."
        ),
        "mission_fr": (
            "La vie d’un enfant continue pendant la détention de son parent, et le soutien qu’on "
            "lui apporte doit continuer aussi."
        ),
        "funding_en": (
            "The national directorate for children and families, municipalities and foundations"
        ),
        "funding_fr": (
            "La direction nationale de l’enfance et de la famille, les communes et des fondations"
        ),
    },
    {
        "name": "Rodina Spolu o.z.",
        "slug": "rodina-spolu",
        "acronym": "",
        "kind": "organisation",
        "category": "member-organisation",
        "status": "active",
        "published": True,
        "country": "SK",
        "city": "Košice",
        "latitude": 48.7164,
        "longitude": 21.2611,
        "website": "https://rodina-spolu.example",
        "email": "info@rodina-spolu.example",
        "phone": "+421 55 000 0000",
        "joined_on": "2015-08-12",
        "category_since": "2017-11-09",
        "year_founded": 2013,
        "legal_status": "association",
        "setting": "community",
        "languages": ["sk", "hu"],
        "topics": ["release", "carers", "parenting-in-prison"],
        "summary_en": (
            "Helps families in eastern Slovakia prepare for a parent's release, with family "
            "counselling, parenting courses and help finding housing."
        ),
        "summary_fr": (
            "Aide les familles de l’est de la Slovaquie à préparer la sortie d’un parent, grâce à "
            "un accompagnement familial, des ateliers de parentalité et une aide au logement."
        ),
        "description_en": (
            "Counsellors meet families at home and in prison in the months before release, and "
            "stay involved for a year afterwards. The organisation works in Slovak and Hungarian, "
            "and pays particular attention to families in rural and marginalised communities."
        ),
        "description_fr": (
            "Des conseillers rencontrent les familles à domicile et en prison dans les mois qui "
            "précèdent la sortie, et restent présents pendant un an ensuite. L’association "
            "travaille en slovaque et en hongrois, et porte une attention particulière aux "
            "familles des zones rurales et des communautés marginalisées."
        ),
        "mission_en": "Families should have the support they need to be together again.",
        "mission_fr": "Les familles doivent disposer du soutien nécessaire pour se retrouver.",
        "funding_en": "EU social funds and the regional government",
        "funding_fr": "Fonds sociaux européens et gouvernement régional",
    },
    {
        "name": "Društvo Sopotnik",
        "slug": "drustvo-sopotnik",
        "acronym": "",
        "kind": "organisation",
        "category": "applicant-member",
        "status": "active",
        "published": True,
        "country": "SI",
        "city": "Ljubljana",
        "latitude": 46.0569,
        "longitude": 14.5058,
        "website": "https://sopotnik.example",
        "email": "info@sopotnik.example",
        "phone": "+386 1 000 00 00",
        "joined_on": "2023-09-19",
        "category_since": "2023-09-19",
        "year_founded": 2020,
        "legal_status": "association",
        "setting": "community",
        "languages": ["sl", "en"],
        "topics": ["participation", "wellbeing", "schools"],
        "summary_en": (
            "Matches teenagers across Slovenia who have a parent in prison with volunteer mentors, "
            "and runs weekend workshops for them."
        ),
        "summary_fr": (
            "Met en relation des adolescents de toute la Slovénie dont un parent est détenu avec "
            "des mentors bénévoles, et organise pour eux des ateliers le week-end."
        ),
        "description_en": (
            "Mentors are university students trained by Sopotnik's psychologists, who meet their "
            "young person every week for a school year. Weekend workshops bring the group together "
            "for sport, film-making and discussion."
        ),
        "description_fr": (
            "Les mentors sont des étudiants formés par les psychologues de Sopotnik, qui "
            "rencontrent chaque semaine le jeune qu’ils accompagnent pendant une année scolaire. "
            "Des ateliers le week-end réunissent le groupe autour du sport, du cinéma et de la "
            "discussion."
        ),
        "mission_en": "Every teenager deserves someone who listens.",
        "mission_fr": "Chaque adolescent mérite quelqu’un qui l’écoute.",
        "funding_en": "A national youth office grant and private donors",
        "funding_fr": "Une subvention de l’office national de la jeunesse et des donateurs privés",
    },
    {
        "name": "Udruženje Sidro",
        "slug": "udruzenje-sidro",
        "acronym": "",
        "kind": "organisation",
        "category": "applicant-member",
        "status": "active",
        "published": True,
        "country": "RS",
        "city": "Novi Sad",
        "latitude": 45.2671,
        "longitude": 19.8335,
        "website": "https://sidro.example",
        "email": "info@sidro.example",
        "phone": "+381 21 000 000",
        "joined_on": "2024-10-08",
        "category_since": "2024-10-08",
        "year_founded": 2019,
        "legal_status": "association",
        "setting": "both",
        "languages": ["sr", "hu"],
        "topics": ["arrest", "carers", "training"],
        "summary_en": (
            "Supports children and families in Vojvodina from the moment of a parent's arrest, and "
            "works with the police and social services to improve their practice."
        ),
        "summary_fr": (
            "Soutient les enfants et les familles de Voïvodine dès l’arrestation d’un parent, et "
            "travaille avec la police et les services sociaux pour améliorer leurs pratiques."
        ),
        "description_en": (
            "Sidro's social workers can be called by the police or social services when children "
            "are present at an arrest, and then support the family over the following weeks. The "
            "association has agreed a short protocol on arrests with the regional police and runs "
            "joint training."
        ),
        "description_fr": (
            "Les travailleurs sociaux de Sidro peuvent être appelés par la police ou les services "
            "sociaux lorsque des enfants sont présents lors d’une arrestation, puis accompagnent "
            "la famille au cours des semaines suivantes. L’association a élaboré avec la police "
            "régionale un protocole simple sur les arrestations et anime des formations communes."
        ),
        "mission_en": "For a child, the first hours after an arrest matter most.",
        "mission_fr": (
            "Pour un enfant, les premières heures qui suivent une arrestation sont décisives."
        ),
        "funding_en": "International foundations and the provincial government",
        "funding_fr": "Fondations internationales et gouvernement provincial",
    },
    {
        "name": "Shoqata Hapa të Vegjël",
        "slug": "shoqata-hapa-te-vegjel",
        "acronym": "",
        "kind": "organisation",
        "category": "applicant-member",
        "status": "active",
        "published": True,
        "country": "AL",
        "city": "Tirana",
        "latitude": 41.3275,
        "longitude": 19.8187,
        "website": "https://hapa-te-vegjel.example",
        "email": "info@hapa-te-vegjel.example",
        "phone": "+355 4 000 0000",
        "joined_on": "2023-12-12",
        "category_since": "2023-12-12",
        "year_founded": 2018,
        "legal_status": "association",
        "setting": "both",
        "languages": ["sq", "en", "it"],
        "topics": ["advocacy", "wellbeing", "family-contact"],
        "summary_en": (
            "Advocates for the rights of children with imprisoned parents in Albania and offers "
            "counselling to children and families in Tirana."
        ),
        "summary_fr": (
            "Défend les droits des enfants de parents détenus en Albanie et propose un "
            "accompagnement psychologique aux enfants et aux familles de Tirana."
        ),
        "description_en": (
            "The association's psychologists see children and carers at its centre in Tirana. It "
            "has worked with the prison administration on new visiting rules and with the "
            "children's ombudsperson on a national report."
        ),
        "description_fr": (
            "Les psychologues de l’association reçoivent enfants et proches dans son centre de "
            "Tirana. Elle a travaillé avec l’administration pénitentiaire sur de nouvelles règles "
            "de visite et avec le défenseur des droits de l’enfant sur un rapport national."
        ),
        "mission_en": "Small steps, taken together, change systems.",
        "mission_fr": "De petits pas, faits ensemble, changent les systèmes.",
        "funding_en": "International donors and European Union pre-accession funds",
        "funding_fr": "Bailleurs internationaux et fonds de préadhésion de l’Union européenne",
    },
    {
        "name": "Asociația Casa Deschisă",
        "slug": "asociatia-casa-deschisa",
        "acronym": "",
        "kind": "organisation",
        "category": "applicant-member",
        "status": "active",
        "published": True,
        "country": "MD",
        "city": "Chișinău",
        "latitude": None,
        "longitude": None,
        "website": "https://casa-deschisa.example",
        "email": "info@casa-deschisa.example",
        "phone": "+373 22 000 000",
        "joined_on": "2024-03-26",
        "category_since": "2024-03-26",
        "year_founded": 2017,
        "legal_status": "association",
        "setting": "community",
        "languages": ["ro", "ru"],
        "topics": ["carers", "schools", "wellbeing"],
        "summary_en": (
            "A day centre in Chișinău for children with a parent in prison, offering homework "
            "help, meals and counselling, and support for the relatives caring for them."
        ),
        "summary_fr": (
            "Centre de jour à Chișinău pour les enfants dont un parent est détenu, avec aide aux "
            "devoirs, repas et soutien psychologique, ainsi qu’un accompagnement des proches qui "
            "s’en occupent."
        ),
        "description_en": (
            "Many children in Moldova are cared for by grandparents while a parent is in prison or "
            "working abroad. Casa Deschisă welcomes around forty children after school and visits "
            "families at home, working closely with schools and local social workers."
        ),
        "description_fr": (
            "En Moldavie, de nombreux enfants sont élevés par leurs grands-parents pendant qu’un "
            "parent est en prison ou travaille à l’étranger. Casa Deschisă accueille une "
            "quarantaine d’enfants après l’école et rend visite aux familles à domicile, en lien "
            "étroit avec les écoles et les travailleurs sociaux locaux."
        ),
        "mission_en": "Every child should find an open door and a warm welcome.",
        "mission_fr": "Chaque enfant doit trouver une porte ouverte et un accueil chaleureux.",
        "funding_en": "International charities and local donations",
        "funding_fr": "Organisations caritatives internationales et dons locaux",
    },
    {
        "name": "Samfylgd",
        "slug": "samfylgd",
        "acronym": "",
        "kind": "organisation",
        "category": "member-organisation",
        "status": "active",
        "published": True,
        "country": "IS",
        "city": "Reykjavík",
        "latitude": 64.1466,
        "longitude": -21.9426,
        "website": "https://samfylgd.example",
        "email": "samfylgd@samfylgd.example",
        "phone": "+354 500 0000",
        "joined_on": "2019-05-15",
        "category_since": "2021-06-10",
        "year_founded": 2017,
        "legal_status": "association",
        "setting": "community",
        "languages": ["is", "en", "pl"],
        "topics": ["carers", "wellbeing", "participation"],
        "summary_en": (
            "A small volunteer-run association offering peer support and family activities to "
            "relatives of prisoners across Iceland."
        ),
        "summary_fr": "",
        "description_en": (
            "Samfylgd holds monthly gatherings in Reykjavík and online meetings for families in "
            "rural areas, with activities for children alongside. It also shares information with "
            "schools and social services, many of which rarely meet these families."
        ),
        "description_fr": "",
        "mission_en": "Even in a small community, families of prisoners should not be invisible.",
        "mission_fr": "",
        "funding_en": "Membership fees, municipal grants and donations",
        "funding_fr": "",
    },
]
