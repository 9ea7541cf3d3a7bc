"""Static files as served in production: our stylesheets and scripts minified (rcssmin,
rjsmin) before whitenoise hashes them and writes their gzip and Brotli copies. The
readable files stay in static/ and are what runserver serves with DEBUG on."""

from pathlib import Path

import rcssmin
import rjsmin
from whitenoise.storage import CompressedManifestStaticFilesStorage

MINIFIERS = {".css": rcssmin.cssmin, ".js": rjsmin.jsmin}


class MinifiedManifestStaticFilesStorage(CompressedManifestStaticFilesStorage):
    def post_process(self, paths, dry_run=False, **options):
        """Minify the collected copy of each .css and .js file (those not minified
        already), then let the manifest storage hash, rewrite and compress the copies
        rather than the sources it would otherwise read."""
        if not dry_run:
            for path in paths:
                minify = MINIFIERS.get(Path(path).suffix)
                if minify and not path.endswith((".min.css", ".min.js")):
                    collected = Path(self.path(path))
                    text = collected.read_text(encoding="utf-8")
                    collected.write_text(minify(text), encoding="utf-8")
            paths = {path: (self, path) for path in paths}
        yield from super().post_process(paths, dry_run, **options)
