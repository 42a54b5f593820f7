#!/bin/sh
# Roundtable's scheduled backup (docs/deployment.md): the database as a pg_dump custom archive and the file
# folder as a tar, in one dated folder under $BACKUP_DIR; folders older than $BACKUP_KEEP_DAYS days go.
# The erasure register is deliberately not in it: it must outlive every backup (keep it on other storage).
# Reads DATABASE_URL, ROUNDTABLE_PHOTOS, BACKUP_DIR and BACKUP_KEEP_DAYS from the environment.
set -eu
: "${DATABASE_URL:?DATABASE_URL is not set}"
: "${ROUNDTABLE_PHOTOS:?ROUNDTABLE_PHOTOS is not set}"
BACKUP_DIR=${BACKUP_DIR:-/var/backups/roundtable}
BACKUP_KEEP_DAYS=${BACKUP_KEEP_DAYS:-14}
# pg_dump's libpq does not know Roundtable's own ?tlsmode=…; the rest of the URL is the same.
PG_URL=${DATABASE_URL%%\?*}

stamp=$(date -u +%Y-%m-%dT%H%M%SZ)
partial="$BACKUP_DIR/.$stamp.partial"
umask 077
mkdir -p "$partial"
# The dump first, then the files: a photo added in between is in the tar without a row (harmless), while
# the other order could leave a row without its file.
pg_dump --format=custom --file="$partial/roundtable.dump" "$PG_URL"
if [ -d "$ROUNDTABLE_PHOTOS" ]; then
    tar -C "$ROUNDTABLE_PHOTOS" -cf "$partial/files.tar" .
else
    tar -cf "$partial/files.tar" -T /dev/null
fi
mv "$partial" "$BACKUP_DIR/$stamp"
find "$BACKUP_DIR" -mindepth 1 -maxdepth 1 -type d -name '20*' -mtime +"$BACKUP_KEEP_DAYS" -exec rm -rf {} +
echo "Backup written to $BACKUP_DIR/$stamp"
