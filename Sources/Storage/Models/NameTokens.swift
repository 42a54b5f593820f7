/// The name index's table: one row per folded word of a record's names. Filtering by name is a prefix
/// look-up on these, which stays fast at 100,000 people where `LIKE '%…%'` would scan every row.
///
/// Columns: `record_type`, `token` (the folded word), `visibility` (0 open, 1 restricted, 2 deleted; see
/// `NameIndex.Visibility`), `record_id`, `sort_name` (the record's, so lists page from the words alone) and
/// `words` (all the record's words, each with a space before and after — " agon krasniqi " — so a second
/// filter word is checked by finding " agon" in the row itself), and `community_id` (a person's; a name
/// filter with a community is answered from the words alone).
///
/// The rows are keyed by what they are looked up by — (record_type, token, sort_name, record_id) — with
/// no identity of their own: on SQLite the table is stored in that order (`WITHOUT ROWID`), so the
/// prefix look-up reads the table itself and no separate index has to be written, and one word's rows lie in
/// name order, so a page of the people holding it is read as it lies (M0044). Only raw SQL reads and
/// writes it (`NameIndex`, `PeopleListQuery`).
public enum NameTokens {
    public static let schema = "name_tokens"
    /// Prefix look-ups on PostgreSQL: (record_type, token, sort_name, record_id, visibility, words, community_id).
    /// On SQLite the table's own key serves (read it `NOT INDEXED`).
    public static let lookupIndex = "name_tokens_lookup"
    /// The same rows in list order: (record_type, sort_name, record_id, token, visibility, words, community_id).
    public static let nameOrderIndex = "name_tokens_name_order"
    /// Finding a record's words to replace them: (record_id).
    public static let recordIndex = "name_tokens_record"
}
