"""The network's own membership categories, made by `manage.py setup_network` on a new
installation (not demo data: the site needs them to take and approve applications)."""

import hashlib

from django.db import transaction

from .models import MembershipCategory

CATEGORIES = [
    {
        "slug": "member-organisation",
        "admission": MembershipCategory.Admission.APPLICATION,
        "listed": True,
        "name_en": "Member organisation",
        "name_fr": "Organisation membre",
        "description_en": (
            "Organisations working with or for children who have a parent in prison, with full "
            "membership of the network. They vote at the general assembly and take part in the "
            "network's working groups. An organisation applies with its annual reports for the "
            "two previous years and a reference letter; it must be legally constituted, have an "
            "organisational bank account controlled by two or more unrelated people, and be "
            "supported by an official body or a person known at national or European level. The "
            "board answers within six months."
        ),
        "description_fr": (
            "Les organisations qui travaillent avec ou pour les enfants dont un parent est détenu "
            "et qui sont membres à part entière du réseau. Elles votent à l’assemblée générale "
            "et participent aux groupes de travail du réseau. Une organisation présente sa "
            "candidature avec ses rapports annuels des deux années précédentes et une lettre de "
            "recommandation ; elle doit être légalement constituée, disposer d’un compte "
            "bancaire au nom de l’organisation contrôlé par au moins deux personnes sans lien "
            "entre elles, et être soutenue par un organisme officiel ou une personnalité "
            "reconnue au niveau national ou européen. Le conseil d’administration répond dans "
            "un délai de six mois."
        ),
    },
    {
        "slug": "applicant-member",
        "admission": MembershipCategory.Admission.APPROVED,
        "listed": True,
        "name_en": "Applicant member",
        "name_fr": "Membre candidat",
        "description_en": (
            "Every organisation whose application the board accepts starts here, listed in the "
            "directory as an applicant member. After one to three years the board decides "
            "whether it becomes a full member organisation."
        ),
        "description_fr": (
            "Toute organisation dont le conseil d’administration accepte la candidature commence "
            "ici : elle figure dans l’annuaire en tant que membre candidat. Au bout d’un à trois "
            "ans, le conseil décide si elle devient organisation membre à part entière."
        ),
    },
    {
        "slug": "individual-member",
        "admission": MembershipCategory.Admission.INVITATION,
        "listed": True,
        "name_en": "Individual member",
        "name_fr": "Membre individuel",
        "description_en": (
            "Researchers, practitioners and other experts invited by the network for their "
            "knowledge of children with imprisoned parents. They advise the network and "
            "contribute to its working groups. Individual membership is by invitation only."
        ),
        "description_fr": (
            "Des chercheurs, des praticiens et d’autres experts invités par le réseau pour leur "
            "connaissance des enfants de parents détenus. Ils conseillent le réseau et "
            "contribuent à ses groupes de travail. L’adhésion individuelle se fait uniquement "
            "sur invitation."
        ),
    },
    {
        "slug": "affiliate",
        "admission": MembershipCategory.Admission.OPEN,
        "listed": False,
        "name_en": "Affiliate",
        "name_fr": "Affilié",
        "description_en": (
            "Anyone, person or organisation, who wishes to receive the network's digest, "
            "publications and invitations to events. Affiliates do not appear in the directory."
        ),
        "description_fr": (
            "Toute personne ou organisation qui souhaite recevoir la lettre d’information, "
            "les publications et les invitations du réseau. Les affiliés ne figurent pas "
            "dans l’annuaire."
        ),
    },
]

# The descriptions as earlier versions made them (SHA-256), in each language. A category
# whose description still reads so was never edited by staff, and takes the current wording.
EARLIER_DESCRIPTION_EN = {
    "affiliate": {"5febabbbcb38bfb41e7abe7a632539776ebab6cc5bdc92d52f4eb50e7ee91ea1"},
}
EARLIER_DESCRIPTION_FR = {
    "member-organisation": {"3f52ae828016ba6744884d0815d9156d7a3f95b1b9227b53cff7584514411845"},
    "applicant-member": {"3c6b67527a4016868ceea1332e31f55065c4442a461fa1a3a9639cb4c0b6efc3"},
    "affiliate": {"f4601f236641923eb2a3fb518718604ea72339eface7deb54d067ab81595b514"},
}


@transaction.atomic
def reword_unedited_categories():
    """Give the current description to each of the network's categories whose description
    is still one that an earlier version made, language by language. Returns the number of
    descriptions reworded."""
    reworded = 0
    for field, earlier_versions in (
        ("description_en", EARLIER_DESCRIPTION_EN),
        ("description_fr", EARLIER_DESCRIPTION_FR),
    ):
        for data in CATEGORIES:
            earlier = earlier_versions.get(data["slug"], set())
            for category in MembershipCategory.objects.filter(slug=data["slug"]):
                text = getattr(category, field) or ""
                if hashlib.sha256(text.strip().encode()).hexdigest() in earlier:
                    setattr(category, field, data[field])
                    category.save(update_fields=[field])
                    reworded += 1
    return reworded


@transaction.atomic
def create_categories():
    """For each way of joining (application, approval, invitation, open sign-up) that no
    category offers yet, create the network's category. What exists is never changed, so
    staff may rename, reword and reorder them. Returns the number created."""
    created = 0
    for order, data in enumerate(CATEGORIES):
        admission = data["admission"]
        taken = MembershipCategory.objects.filter(slug=data["slug"]).exists()
        if taken or MembershipCategory.objects.filter(admission=admission).exists():
            continue
        MembershipCategory.objects.create(order=order, **data)
        created += 1
    return created
