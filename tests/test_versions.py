"""cpe_network.lib.versions: what is cached under a name's version is left behind when
the name is bumped, and never comes back."""

from django.core.cache import cache

from cpe_network.lib import versions


def test_a_key_stays_the_same_until_its_name_is_bumped():
    assert versions.key("things", "a", 1) == versions.key("things", "a", 1)


def test_bumping_a_name_gives_its_keys_a_new_version():
    before = versions.key("things", "a")

    versions.bump("things")

    assert versions.key("things", "a") != before


def test_bumping_one_name_leaves_the_others_alone():
    other = versions.key("others", "a")

    versions.bump("things")

    assert versions.key("others", "a") == other


def test_a_version_lost_from_the_cache_never_comes_back():
    before = versions.key("things", "a")
    cache.clear()

    assert versions.key("things", "a") != before
