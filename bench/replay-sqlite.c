/*
 * Times a page's own SQL on SQLite: the statements one request of the page sent, replayed one after the
 * other on one connection, for as many rounds as fit in the given seconds. Prints the mean milliseconds of
 * one round (every statement once).
 *
 * Built by bench/own-sql.sh against the SQLite the app itself links (sqlite-nio's copy, with its compile
 * options), so that the planner and the library are the app's. Each statement is prepared, bound, stepped
 * to its end with every column read as its type, and finalized, as sqlite-nio does for every query: the app
 * prepares each statement anew, and so does this.
 *
 * Usage: [REPLAY_ROWS=1] replay-sqlite DATABASE SCRIPT SECONDS
 * SCRIPT, written by own-sql.sh from the captured statements, is a sequence of
 *   "S <bytes>\n<sql>\n" then "<n>\n" then n values, each "i <integer>\n", "f <real>\n", "n\n" or
 *   "t <bytes>\n<text>\n".
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include "sqlite_nio_sqlite3.h"

typedef struct { char kind; long long integer; double real; char *text; int length; } Value;
typedef struct { char *sql; int length; int count; Value *values; } Statement;

static void fail(const char *what, const char *detail) {
    fprintf(stderr, "replay-sqlite: %s%s%s\n", what, detail ? ": " : "", detail ? detail : "");
    exit(1);
}

static char *read_bytes(FILE *in, int length) {
    char *bytes = malloc(length + 1);
    if (fread(bytes, 1, length, in) != (size_t)length || fgetc(in) != '\n') fail("script cut short", NULL);
    bytes[length] = 0;
    return bytes;
}

static int load(const char *path, Statement **out) {
    FILE *in = fopen(path, "rb");
    if (!in) fail("cannot open script", path);
    int capacity = 16, count = 0, length;
    Statement *statements = malloc(sizeof(Statement) * capacity);
    while (fscanf(in, "S %d", &length) == 1) {
        if (fgetc(in) != '\n') fail("script malformed after S", NULL);
        if (count == capacity) statements = realloc(statements, sizeof(Statement) * (capacity *= 2));
        Statement *s = &statements[count++];
        s->sql = read_bytes(in, length);
        s->length = length;
        if (fscanf(in, "%d\n", &s->count) != 1) fail("script malformed: value count", NULL);
        s->values = calloc(s->count ? s->count : 1, sizeof(Value));
        for (int i = 0; i < s->count; i++) {
            Value *v = &s->values[i];
            v->kind = (char)fgetc(in);
            switch (v->kind) {
            case 'i': if (fscanf(in, " %lld\n", &v->integer) != 1) fail("bad integer", NULL); break;
            case 'f': if (fscanf(in, " %lf\n", &v->real) != 1) fail("bad real", NULL); break;
            case 'n': fgetc(in); break;
            case 't':
                if (fscanf(in, " %d", &v->length) != 1 || fgetc(in) != '\n') fail("bad text length", NULL);
                v->text = read_bytes(in, v->length);
                break;
            default: fail("unknown value kind", NULL);
            }
        }
    }
    fclose(in);
    *out = statements;
    return count;
}

static long run(sqlite3 *db, const Statement *s, long long *sink) {
    sqlite3_stmt *statement;
    if (sqlite_nio_sqlite3_prepare_v3(db, s->sql, s->length, 0, &statement, NULL) != SQLITE_OK)
        fail("prepare failed", sqlite_nio_sqlite3_errmsg(db));
    for (int i = 0; i < s->count; i++) {
        const Value *v = &s->values[i];
        switch (v->kind) {
        case 'i': sqlite_nio_sqlite3_bind_int64(statement, i + 1, v->integer); break;
        case 'f': sqlite_nio_sqlite3_bind_double(statement, i + 1, v->real); break;
        case 'n': sqlite_nio_sqlite3_bind_null(statement, i + 1); break;
        case 't': sqlite_nio_sqlite3_bind_text(statement, i + 1, v->text, v->length, SQLITE_TRANSIENT); break;
        }
    }
    int step;
    long rows = 0;
    while ((step = sqlite_nio_sqlite3_step(statement)) == SQLITE_ROW) {
        rows++;
        int columns = sqlite_nio_sqlite3_column_count(statement);
        for (int c = 0; c < columns; c++) {
            switch (sqlite_nio_sqlite3_column_type(statement, c)) {
            case SQLITE_INTEGER: *sink += sqlite_nio_sqlite3_column_int64(statement, c); break;
            case SQLITE_FLOAT: *sink += (long long)sqlite_nio_sqlite3_column_double(statement, c); break;
            case SQLITE_TEXT: *sink += sqlite_nio_sqlite3_column_text(statement, c)[0]; *sink += sqlite_nio_sqlite3_column_bytes(statement, c); break;
            case SQLITE_BLOB: sqlite_nio_sqlite3_column_blob(statement, c); *sink += sqlite_nio_sqlite3_column_bytes(statement, c); break;
            default: break;
            }
            *sink += sqlite_nio_sqlite3_column_name(statement, c)[0];
        }
    }
    if (step != SQLITE_DONE) fail("step failed", sqlite_nio_sqlite3_errmsg(db));
    sqlite_nio_sqlite3_finalize(statement);
    return rows;
}

static double now(void) {
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return t.tv_sec + t.tv_nsec / 1e9;
}

int main(int argc, char **argv) {
    if (argc != 4) fail("usage: replay-sqlite DATABASE SCRIPT SECONDS", NULL);
    Statement *statements;
    int count = load(argv[2], &statements);
    if (count == 0) fail("no statements in", argv[2]);
    sqlite3 *db;
    if (sqlite_nio_sqlite3_open_v2(argv[1], &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_FULLMUTEX, NULL) != SQLITE_OK)
        fail("cannot open database", argv[1]);
    /* The app's connection settings (DatabaseSetup.configureConnections, enableForeignKeys). */
    const char *settings = "PRAGMA foreign_keys=ON; PRAGMA synchronous=NORMAL; PRAGMA cache_size=-32768;"
                           "PRAGMA mmap_size=268435456; PRAGMA temp_store=MEMORY; PRAGMA secure_delete=ON;";
    if (sqlite_nio_sqlite3_exec(db, settings, NULL, NULL, NULL) != SQLITE_OK) fail("settings", sqlite_nio_sqlite3_errmsg(db));
    long long sink = 0;
    /* Warm the cache; with REPLAY_ROWS set, say how many rows each statement gave, to check the values. */
    for (int i = 0; i < count; i++) {
        long rows = run(db, &statements[i], &sink);
        if (getenv("REPLAY_ROWS")) fprintf(stderr, "%6ld rows  %.90s\n", rows, statements[i].sql);
    }
    double seconds = atof(argv[3]), start = now(), elapsed;
    long rounds = 0;
    do {
        for (int i = 0; i < count; i++) run(db, &statements[i], &sink);
        rounds++;
        elapsed = now() - start;
    } while (elapsed < seconds);
    printf("%.4f\n", elapsed * 1000 / rounds);
    fprintf(stderr, "%ld rounds of %d statements (%lld)\n", rounds, count, sink & 1);
    sqlite_nio_sqlite3_close(db);
    return 0;
}
