"""The network's own pages and site record, made by `manage.py setup_network` on a new
installation (not demo data: the footer, the privacy notice that the forms refer to and
the accessibility statement must exist from the first day)."""

import hashlib
from urllib.parse import urlsplit

from django.conf import settings
from django.contrib.flatpages.models import FlatPage
from django.contrib.sites.models import Site
from django.db import transaction

from .models import HomePage

PAGES = [
    {
        "url_en": "/about/",
        "url_fr": "/a-propos/",
        "title_en": "About the network",
        "title_fr": "À propos du réseau",
        "content_en": """
<p>We are a European network of organisations and individuals who work with and for
children whose parents are in prison. Our members are charities, family support services,
prison services, researchers and professionals in more than thirty countries.</p>
<h2>What we do</h2>
<ul>
<li>We connect people who support these children, so that they can learn from one
another.</li>
<li>We gather and share practice and research on what helps.</li>
<li>We speak up for the rights of children with imprisoned parents with national and
European decision makers.</li>
</ul>
<h2>How we are run</h2>
<p>The network is governed by a board elected by its members. A small secretariat runs
the network day to day, answers enquiries and supports members.</p>""",
        "content_fr": """
<p>Nous sommes un réseau européen d’organisations et de personnes qui travaillent avec
et pour les enfants dont un parent est en prison. Nos membres sont des associations, des
services d’aide aux familles, des administrations pénitentiaires, des chercheurs et des
professionnels dans plus de trente pays.</p>
<h2>Ce que nous faisons</h2>
<ul>
<li>Nous mettons en relation les personnes qui soutiennent ces enfants, pour qu’elles
apprennent les unes des autres.</li>
<li>Nous rassemblons et diffusons les pratiques et les recherches sur ce qui aide ces
enfants.</li>
<li>Nous défendons les droits des enfants de parents détenus auprès des responsables
politiques nationaux et européens.</li>
</ul>
<h2>Notre fonctionnement</h2>
<p>Le réseau est dirigé par un conseil d’administration élu par ses membres. Un petit
secrétariat assure le fonctionnement quotidien, répond aux demandes et accompagne les
membres.</p>""",
    },
    {
        "url_en": "/values/",
        "url_fr": "/valeurs/",
        "title_en": "Our values",
        "title_fr": "Nos valeurs",
        "content_en": """
<p>Our work rests on the UN Convention on the Rights of the Child.</p>
<ul>
<li><strong>The child first.</strong> Every decision about a parent’s arrest, trial and
imprisonment should take the child’s best interests into account.</li>
<li><strong>No blame.</strong> Children are not responsible for what their parent did and
should never be treated as if they were.</li>
<li><strong>Listening.</strong> Children and young people have a right to be heard on
matters that affect them, and we involve them in our work.</li>
<li><strong>Working together.</strong> Families, professionals and authorities achieve more
for children when they cooperate.</li>
</ul>""",
        "content_fr": """
<p>Notre action repose sur la Convention des Nations unies relative aux droits de
l’enfant.</p>
<ul>
<li><strong>L’enfant d’abord.</strong> Chaque décision concernant l’arrestation, le procès
et l’incarcération d’un parent devrait tenir compte de l’intérêt supérieur de
l’enfant.</li>
<li><strong>Aucune stigmatisation.</strong> Les enfants ne sont pas responsables des actes
de leur parent et ne doivent jamais être traités comme s’ils l’étaient.</li>
<li><strong>L’écoute.</strong> Les enfants et les jeunes ont le droit d’être entendus sur ce
qui les concerne, et nous les associons à notre travail.</li>
<li><strong>La coopération.</strong> Familles, professionnels et autorités obtiennent
davantage pour les enfants lorsqu’ils travaillent ensemble.</li>
</ul>""",
    },
    {
        "url_en": "/child-protection-policy/",
        "url_fr": "/politique-de-protection-de-l-enfance/",
        "title_en": "Child protection policy",
        "title_fr": "Politique de protection de l’enfance",
        "content_en": """
<p>Everyone who works for or on behalf of the network, staff, board members, volunteers
and partners, must keep children safe from harm.</p>
<h2>Our commitments</h2>
<ul>
<li>We never publish a child’s name, image or story without the informed consent of the
child and of a parent or carer.</li>
<li>Adults who work directly with children on our behalf are checked and trained.</li>
<li>Any concern about a child’s safety is reported at once to our designated safeguarding
lead and, where needed, to the authorities.</li>
</ul>
<h2>Raising a concern</h2>
<p>If you are worried about a child in connection with our work, contact the secretariat
and ask for the safeguarding lead. If a child is in immediate danger, call the emergency
services.</p>""",
        "content_fr": """
<p>Toute personne qui travaille pour le réseau ou en son nom (membres du personnel, du
conseil d’administration, bénévoles et partenaires) doit veiller à la sécurité des enfants
et les protéger de toute forme de maltraitance.</p>
<h2>Nos engagements</h2>
<ul>
<li>Nous ne publions jamais le nom, l’image ou l’histoire d’un enfant sans le consentement
éclairé de l’enfant et d’un parent ou de l’adulte qui en a la charge.</li>
<li>Les adultes qui travaillent directement avec des enfants en notre nom font l’objet
d’une vérification de leurs antécédents et reçoivent une formation.</li>
<li>Toute inquiétude concernant la sécurité d’un enfant est signalée sans délai à la
personne référente pour la protection de l’enfance et, si nécessaire, aux autorités.</li>
</ul>
<h2>Signaler une inquiétude</h2>
<p>Si la situation d’un enfant vous préoccupe dans le cadre de nos activités, contactez le
secrétariat et demandez à parler à la personne référente pour la protection de l’enfance.
Si un enfant est en danger immédiat, appelez les services d’urgence.</p>""",
    },
    {
        "url_en": "/privacy/",
        "url_fr": "/confidentialite/",
        "title_en": "Privacy notice",
        "title_fr": "Politique de confidentialité",
        "content_en": """
<p>This notice explains what personal data the network keeps on this website, why, for how
long, and your rights under the General Data Protection Regulation (GDPR). The network’s
secretariat is responsible for it: write to it through the contact page or at the address
at the foot of every page.</p>
<h2>What we keep, why, and for how long</h2>
<ul>
<li><strong>Applications to join</strong>: the organisation’s details, the name, role, email
address and phone of its contact person, and the documents sent with it, to decide on the
application. An approved application is kept as the record of the member’s admission. A
rejected or withdrawn application is deleted with its documents one year after the
decision, so that we can answer an appeal or a new application.</li>
<li><strong>Accounts</strong> of members’ representatives and of the network’s staff: name,
email address, language, role and languages spoken, to sign in, to run the member portal
and to send the emails asked for. Kept while the person represents a member or works for
the network, and erased on request.</li>
<li><strong>Members’ contact persons</strong>: representatives who agree to it are shown,
with their name, role and languages, to signed-in members only, never to visitors. Their
email address is never shown.</li>
<li><strong>Subscriptions to our digest</strong>: name, email address, organisation, country
and language, to send you the digest. A subscription that is not confirmed is deleted
after seven days; a confirmed one is kept until you ask us to erase it.</li>
<li><strong>Invitations to represent a member</strong>: the address and name of the person
invited, deleted a week after the link expires if it is not accepted.</li>
<li><strong>Emails the site sends</strong> (acknowledgements, decisions, invitations, the
digest, notices): a copy of each and whether it was delivered, to send again what failed
and to answer questions about it. Deleted after one year.</li>
<li><strong>Messages sent through the contact page</strong>: what you wrote and, if you gave
one, your email address, to answer you. Deleted after six months.</li>
<li><strong>Messages between members</strong>, passed on to a contact person by email: kept
for one year, so that staff can stop any misuse, then deleted.</li>
<li><strong>Replies to members’ calls</strong>: the message and the address to reply to,
passed on to the member who posted the call and never made public; kept with the
call.</li>
<li><strong>Server logs</strong>: the time, page and outcome of each request, and, in the
logs of the server in front of the site, the address of your connection, to keep the site
safe and working. Kept for no more than 14 days.</li>
</ul>
<p>We keep these details with your consent (applications, subscriptions), to run the
membership (accounts, contact persons, invitations), and for our legitimate interest in
answering you and running the site safely (emails, messages, logs). What members publish
(news, events, practices, calls) stays online after the person who sent it leaves or asks
to be erased: it is then signed “a former representative”.</p>
<h2>What we do not do</h2>
<p>This site sets no tracking or advertising cookies and loads nothing from other
websites. We never sell or share personal data for marketing.</p>
<h2>Your rights</h2>
<p>You may ask to see the data we hold about you (we send you a copy), to correct it or to
erase it, to limit its use or to object to it. Write to the secretariat through the
contact page, saying which email address the request is about; we may ask you to confirm
that it is yours. We answer within one month. You may also complain to the data
protection authority of your country.</p>
<p>You can unsubscribe from our digest at any time with the link in every email, and
representatives can change or hide their contact details in the member portal.</p>""",
        "content_fr": """
<p>Cette page explique quelles données personnelles le réseau conserve sur ce site,
pourquoi, pendant combien de temps, et les droits que vous tenez du règlement général sur
la protection des données (RGPD). Le secrétariat du réseau en est responsable : écrivez-lui
depuis la page de contact ou à l’adresse indiquée en bas de chaque page.</p>
<h2>Ce que nous conservons, pourquoi et pour combien de temps</h2>
<ul>
<li><strong>Les candidatures</strong> : les informations sur l’organisation, le nom, la
fonction, l’adresse électronique et le téléphone de la personne de contact, et les
documents joints, pour statuer sur la candidature. Une candidature acceptée est conservée
comme trace de l’admission du membre. Une candidature refusée ou retirée est supprimée avec
ses documents un an après la décision, le temps de répondre à un recours ou à une nouvelle
candidature.</li>
<li><strong>Les comptes</strong> des représentants des membres et de l’équipe du réseau :
nom, adresse électronique, langue, fonction et langues parlées, pour se connecter, faire
fonctionner l’espace membre et envoyer les courriels demandés. Ils sont conservés tant que
la personne représente un membre ou travaille pour le réseau, et effacés sur demande.</li>
<li><strong>Les personnes de contact des membres</strong> : les représentants qui
l’acceptent sont présentés, avec leur nom, leur fonction et leurs langues, aux seuls
membres connectés, jamais aux visiteurs. Leur adresse électronique n’est jamais
affichée.</li>
<li><strong>Les abonnements à notre lettre d’information</strong> : nom, adresse
électronique, organisation, pays et langue, pour vous envoyer la lettre d’information. Un
abonnement non confirmé est supprimé au bout de sept jours ; un abonnement confirmé est
conservé jusqu’à ce que vous nous demandiez de l’effacer.</li>
<li><strong>Les invitations à représenter un membre</strong> : l’adresse et le nom de la
personne invitée, supprimés une semaine après l’expiration du lien s’il n’a pas été
utilisé.</li>
<li><strong>Les courriels envoyés par le site</strong> (accusés de réception, décisions,
invitations, lettre d’information, avis) : une copie de chacun et son état de remise, pour
renvoyer ce qui a échoué et répondre aux questions à ce sujet. Ils sont supprimés au bout
d’un an.</li>
<li><strong>Les messages envoyés depuis la page de contact</strong> : ce que vous avez écrit
et, si vous l’avez indiquée, votre adresse électronique, pour vous répondre. Ils sont
supprimés au bout de six mois.</li>
<li><strong>Les messages entre membres</strong>, transmis par courriel à une personne de
contact : conservés un an, pour que l’équipe du réseau puisse mettre fin à tout abus, puis
supprimés.</li>
<li><strong>Les réponses aux appels des membres</strong> : le message et l’adresse à
laquelle répondre, transmis au membre qui a publié l’appel et jamais rendus publics ;
conservés avec l’appel.</li>
<li><strong>Les journaux du serveur</strong> : l’heure, la page et le résultat de chaque
requête et, dans les journaux du serveur placé devant le site, l’adresse de votre
connexion, pour assurer la sécurité et le bon fonctionnement du site. Ils sont conservés
14 jours au plus.</li>
</ul>
<p>Nous conservons ces informations avec votre consentement (candidatures, abonnements),
pour gérer l’adhésion (comptes, personnes de contact, invitations) et au titre de notre
intérêt légitime à vous répondre et à faire fonctionner le site en toute sécurité
(courriels, messages, journaux). Ce que les membres publient (articles, événements,
pratiques, appels) reste en ligne après le départ de la personne qui l’a envoyé ou
l’effacement de ses données : il est alors signé « un ancien représentant ».</p>
<h2>Ce que nous ne faisons pas</h2>
<p>Ce site ne dépose aucun cookie de suivi ni de publicité et ne charge aucun contenu
depuis d’autres sites. Nous ne vendons ni ne partageons jamais de données personnelles à
des fins commerciales.</p>
<h2>Vos droits</h2>
<p>Vous pouvez demander à consulter les données vous concernant (nous vous en envoyons une
copie), à les corriger ou à les effacer, à en limiter l’utilisation ou à vous y opposer.
Écrivez au secrétariat depuis la page de contact en précisant l’adresse électronique
concernée ; nous pourrons vous demander de confirmer qu’elle est bien la vôtre. Nous vous
répondons sous un mois. Vous pouvez aussi adresser une réclamation à l’autorité de
protection des données de votre pays.</p>
<p>Vous pouvez vous désabonner à tout moment de notre lettre d’information grâce au lien
présent dans chaque courriel, et les représentants peuvent modifier ou masquer leurs
coordonnées dans l’espace membre.</p>""",
    },
    {
        "url_en": "/accessibility/",
        "url_fr": "/accessibilite/",
        "title_en": "Accessibility statement",
        "title_fr": "Déclaration d’accessibilité",
        "content_en": """
<p>We want everyone to be able to use this website, whatever their device, abilities or
connection.</p>
<h2>What we aim for</h2>
<ul>
<li>Conformance with the Web Content Accessibility Guidelines (WCAG) 2.2, level AA.</li>
<li>Every page works with a keyboard alone, with a screen reader, when zoomed to 400% and
without JavaScript.</li>
<li>The whole site is available in English and in French.</li>
</ul>
<h2>How we check</h2>
<p>Each change to the site is tested automatically for accessibility problems in both
languages, on phone and desktop screen sizes.</p>
<h2>Tell us about a problem</h2>
<p>If something on this site is hard for you to use, please contact the secretariat. We
will reply within ten working days.</p>""",
        "content_fr": """
<p>Nous voulons que ce site soit utilisable par toutes et tous, quels que soient
l’appareil, les capacités de chaque personne ou la qualité de sa connexion.</p>
<h2>Nos objectifs</h2>
<ul>
<li>La conformité aux Règles pour l’accessibilité des contenus Web (WCAG) 2.2, niveau
AA.</li>
<li>Chaque page fonctionne au clavier seul, avec un lecteur d’écran, avec un zoom à 400 %
et sans JavaScript.</li>
<li>Tout le site est disponible en anglais et en français.</li>
</ul>
<h2>Comment nous vérifions</h2>
<p>Chaque modification du site fait l’objet de tests automatiques qui détectent les
problèmes d’accessibilité, dans les deux langues, sur des écrans de téléphone et
d’ordinateur.</p>
<h2>Signalez-nous un problème</h2>
<p>Si un élément de ce site vous est difficile à utiliser, merci de contacter le
secrétariat. Nous vous répondrons sous dix jours ouvrés.</p>""",
    },
]

# The French of the pages as earlier versions made them (SHA-256 of the stripped text). A
# page that still reads so was never edited by staff, and takes the current wording.
EARLIER_CONTENT_FR = {
    "/about/": {"5a57bb8e44bb075720ebfb6d9dd29cf76cc3bca7f4a4b9164c3e485e1a0ad548"},
    "/values/": {"aa55c99366ee887c3131868bc292f99b51592c9cf032687888fa4055f734f32b"},
    "/child-protection-policy/": {
        "0729e7d8d4c1cf10f4c221293858ee781d07eb031da76de52c8f77c5b2a29c16"
    },
    "/privacy/": {
        "50121e991b4d840ee5b3b045bf7746b41f9616247542fe969dd3b4a8850b3621",
        "81deb2be2650104dc82297a2c0cacd78f531364d30fd75611b326282b7f4c479",
        # Before it said what is kept for how long (issue 19).
        "0447b9dd2043eadf94cdf712a237b6060e2a9655938a989fa2e5a91a107022d9",
    },
    "/accessibility/": {"09f4037c10d8007faba05d56cff8d634c5b529b77e89eabcc8b634bd019d4f96"},
}
# The same for the English, where an earlier version's text was replaced.
EARLIER_CONTENT_EN = {
    "/privacy/": {"8f1697b0b131031e5aa223412cc73e786d6375d2d0a8b6cf52b63699b67d0af6"},
}


# The home page's first words, in both languages: setup_network writes them once; staff
# then edit them in the admin.
HOME_PAGE = {
    "title_en": "Every child with a parent in prison deserves to be seen, heard and supported",
    "title_fr": "Chaque enfant dont un parent est en prison mérite d’être vu, entendu et soutenu",
    "intro_en": (
        "We are a European network of organisations and people who work with and for "
        "children whose parents are in prison. Together we share what helps these children, "
        "speak up for their rights, and connect the professionals and families around them."
    ),
    "intro_fr": (
        "Nous sommes un réseau européen d’organisations et de personnes qui travaillent avec "
        "et pour les enfants dont un parent est en prison. Ensemble, nous partageons ce qui "
        "aide ces enfants, défendons leurs droits et mettons en relation les professionnels "
        "et les familles qui les entourent."
    ),
    "block_1_title_en": "Connecting those who work with these children",
    "block_1_title_fr": "Mettre en relation celles et ceux qui accompagnent ces enfants",
    "block_1_text_en": (
        "Member organisations across Europe meet, learn from one another and work on shared "
        "projects, so that no family support service works alone."
    ),
    "block_1_text_fr": (
        "Les organisations membres, partout en Europe, se rencontrent, apprennent les unes des "
        "autres et mènent des projets communs, pour qu’aucun service d’aide aux familles ne "
        "travaille seul."
    ),
    "block_2_title_en": "Sharing what helps",
    "block_2_title_fr": "Partager ce qui aide",
    "block_2_text_en": (
        "Programmes, research and guidance from members are gathered in one place, so that "
        "good practice travels from one country to the next."
    ),
    "block_2_text_fr": (
        "Les programmes, les recherches et les guides des membres sont rassemblés en un même "
        "lieu, pour que les bonnes pratiques passent d’un pays à l’autre."
    ),
    "block_3_title_en": "Speaking up for children",
    "block_3_title_fr": "Faire entendre la voix des enfants",
    "block_3_text_en": (
        "The network brings children’s voices to national and European decision makers, in "
        "line with the UN Convention on the Rights of the Child."
    ),
    "block_3_text_fr": (
        "Le réseau porte la parole des enfants auprès des responsables politiques nationaux et "
        "européens, dans l’esprit de la Convention des Nations unies relative aux droits de "
        "l’enfant."
    ),
}


def create_home_page():
    """The home page record with its first words in both languages, if it does not exist
    yet; an existing one is never changed. Returns whether it was created."""
    if HomePage.objects.filter(pk=1).exists():
        return False
    HomePage.objects.create(**HOME_PAGE)
    return True


def digest(text):
    return hashlib.sha256(text.strip().encode()).hexdigest()


def configure_site():
    """The site record (used by Django's flatpages and sitemaps) takes its domain from
    SITE_URL and its name from SITE_NAME."""
    site, _ = Site.objects.update_or_create(
        pk=settings.SITE_ID,
        defaults={"domain": urlsplit(settings.SITE_URL).netloc, "name": settings.SITE_NAME},
    )
    return site


@transaction.atomic
def create_pages():
    """Create each of the network's pages whose address is free, in both languages; what
    exists is never changed, so staff may edit them. Returns the number created."""
    site = configure_site()
    created = 0
    for data in PAGES:
        fields = {key: value.strip() for key, value in data.items()}
        if FlatPage.objects.filter(url_en=fields["url_en"]).exists():
            continue
        if FlatPage.objects.filter(url_fr=fields["url_fr"]).exists():
            continue
        page = FlatPage.objects.create(url=fields["url_en"], **fields)
        page.sites.add(site)
        created += 1
    return created


@transaction.atomic
def reword_unedited_pages():
    """Give the current wording to each of the network's pages whose text, in either
    language, is still one that an earlier version made (so no one has edited it).
    Returns the number of texts reworded."""
    reworded = 0
    for data in PAGES:
        for language, earlier_versions in (("en", EARLIER_CONTENT_EN), ("fr", EARLIER_CONTENT_FR)):
            field = f"content_{language}"
            earlier = earlier_versions.get(data["url_en"], set())
            for page in FlatPage.objects.filter(url_en=data["url_en"]):
                if digest(getattr(page, field) or "") in earlier:
                    setattr(page, field, data[field].strip())
                    page.save(update_fields=[field])
                    reworded += 1
    return reworded
