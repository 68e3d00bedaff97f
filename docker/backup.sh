#!/bin/sh
# The backup service of docker-compose.yml: a pg_dump of Otklik's database every BACKUP_INTERVAL_SECONDS (default a
# day), kept for BACKUP_KEEP_DAYS days (default 14) in /backups. Connection settings come from PGHOST, PGUSER,
# PGPASSWORD and PGDATABASE. BACKUP_ONCE=true makes one dump and exits (for a manual backup or a test).
set -eu
interval="${BACKUP_INTERVAL_SECONDS:-86400}"
keep="${BACKUP_KEEP_DAYS:-14}"
dir="${BACKUP_DIR:-/backups}"
mkdir -p "$dir"
while true; do
    until pg_isready -q; do
        echo "backup: database not ready, waiting"
        sleep 5
    done
    file="$dir/otklik-$(date -u +%Y%m%d-%H%M%S).dump"
    if pg_dump --format=custom --no-owner --file="$file.part"; then
        mv "$file.part" "$file"
        echo "backup: wrote $file ($(wc -c < "$file") bytes)"
    else
        rm -f "$file.part"
        echo "backup: pg_dump failed, next attempt in ${interval}s" >&2
    fi
    find "$dir" -name 'otklik-*.dump' -type f -mtime +"$keep" -print -delete | sed 's/^/backup: removed /'
    [ "${BACKUP_ONCE:-false}" = "true" ] && exit 0
    sleep "$interval"
done
