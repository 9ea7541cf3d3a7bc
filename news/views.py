from django.core.paginator import Paginator
from django.db.models import Prefetch
from django.http import Http404
from django.shortcuts import get_object_or_404, render

from members.models import Member, Topic

from .forms import NewsFilterForm
from .models import Post

PER_PAGE = 12


def post_list(request):
    topics = list(Topic.objects.all())
    members = list(
        Member.objects.listed().filter(posts__isnull=False).distinct().values_list("slug", "name")
    )
    form = NewsFilterForm(request.GET, topics=topics, members=members)
    filters = form.filters()
    posts = Post.objects.published().filter_by(filters)
    page = Paginator(posts, PER_PAGE).get_page(request.GET.get("page"))
    return render(
        request,
        "news/post_list.html",
        {
            "page": page,
            "page_range": page.paginator.get_elided_page_range(page.number, on_each_side=2),
            "form": form,
            "filters": filters,
            "topics": topics,
            "members": members,
        },
    )


def post_detail(request, slug):
    """A published post; staff also see drafts and scheduled posts, as a preview."""
    post = get_object_or_404(
        Post.objects.prefetch_related(
            "topics", Prefetch("members", queryset=Member.objects.listed())
        ),
        slug=slug,
    )
    if not post.is_public and not request.user.has_perm("news.view_post"):
        raise Http404
    return render(request, "news/post_detail.html", {"post": post})
