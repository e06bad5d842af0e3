/*
 * mallocfun: exercises malloc, realloc, free and printf. Builds a linked
 * list of generated words, a chained hash table counting them, a growing
 * array (realloc) that is sorted with qsort, then prints a summary and
 * some formatted lines. Integer formatting only (no floating point).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define WORDS   2000
#define BUCKETS 97

struct node {
    char *word;
    struct node *next;
};

struct entry {
    char *word;
    int count;
    struct entry *next;
};

static const char *const syllables[] = { "ka", "lo", "mi", "ne", "ru", "sa", "to", "vi" };

static unsigned rng_state = 12345;

static unsigned next_rand(void)
{
    rng_state = rng_state * 1103515245u + 12345u;
    return (rng_state >> 16) & 0x7fff;
}

/* A word of 1..3 syllables; few enough combinations to give repeats. */
static char *make_word(void)
{
    char buf[16] = "";
    int n = 1 + (int)(next_rand() % 3);
    for (int i = 0; i < n; i++)
        strcat(buf, syllables[next_rand() % 8]);
    return strdup(buf);
}

static unsigned hash(const char *s)
{
    unsigned h = 5381;
    while (*s)
        h = h * 33 + (unsigned char)*s++;
    return h;
}

static int by_string(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

static int by_count_desc(const void *a, const void *b)
{
    const struct entry *x = *(struct entry *const *)a, *y = *(struct entry *const *)b;
    if (x->count != y->count)
        return y->count - x->count;
    return strcmp(x->word, y->word);
}

int main(void)
{
    struct node *list = NULL;
    struct entry *table[BUCKETS] = { 0 };
    char **sorted = NULL;
    size_t n_sorted = 0, cap = 0;
    long total_len = 0;
    int distinct = 0;

    for (int i = 0; i < WORDS; i++) {
        struct node *nd = malloc(sizeof *nd);
        nd->word = make_word();
        nd->next = list;
        list = nd;
        total_len += (long)strlen(nd->word);

        unsigned b = hash(nd->word) % BUCKETS;
        struct entry *e = table[b];
        while (e && strcmp(e->word, nd->word) != 0)
            e = e->next;
        if (!e) {
            e = malloc(sizeof *e);
            e->word = nd->word;
            e->count = 0;
            e->next = table[b];
            table[b] = e;
            distinct++;
        }
        e->count++;

        if (n_sorted == cap) {
            cap = cap ? cap * 2 : 8;
            sorted = realloc(sorted, cap * sizeof *sorted);
        }
        sorted[n_sorted++] = nd->word;
    }

    qsort(sorted, n_sorted, sizeof *sorted, by_string);

    struct entry **entries = malloc((size_t)distinct * sizeof *entries);
    int k = 0, longest_chain = 0;
    for (int b = 0; b < BUCKETS; b++) {
        int chain = 0;
        for (struct entry *e = table[b]; e; e = e->next, chain++)
            entries[k++] = e;
        if (chain > longest_chain)
            longest_chain = chain;
    }
    qsort(entries, (size_t)distinct, sizeof *entries, by_count_desc);

    printf("words: %d, distinct: %d, total length: %ld\n", WORDS, distinct, total_len);
    printf("array capacity after reallocs: %lu\n", (unsigned long)cap);
    printf("longest hash chain: %d of %d buckets\n", longest_chain, BUCKETS);
    printf("first sorted: %s, last sorted: %s\n", sorted[0], sorted[n_sorted - 1]);
    printf("most frequent:\n");
    for (int i = 0; i < 5; i++)
        printf("  %-8s %4d  hash=%08x  initial=%c\n", entries[i]->word, entries[i]->count,
               hash(entries[i]->word), entries[i]->word[0]);
    printf("percent of repeats: %d%%\n", (WORDS - distinct) * 100 / WORDS);

    free(entries);
    free(sorted);
    for (int b = 0; b < BUCKETS; b++) {
        while (table[b]) {
            struct entry *e = table[b];
            table[b] = e->next;
            free(e);
        }
    }
    while (list) {
        struct node *nd = list;
        list = nd->next;
        free(nd->word);
        free(nd);
    }
    printf("all freed\n");
    return 0;
}
