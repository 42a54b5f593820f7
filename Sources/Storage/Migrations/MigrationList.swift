import FluentKit

/// Every migration, in the order it runs. Append only; never edit or reorder a shipped migration.
public enum MigrationList {
    public static let all: [any Migration] = [
        M0001_CreateUsers(),          // users who sign in, with role and disabled state
        M0002_CreateUserSessions(),   // browser sessions shared by all server processes
        M0003_CreateAPITokens(),      // hashed bearer tokens for the API
        M0004_CreateAuditEntries(),   // the append-only audit trail
        M0005_CreateSignInAttempts(), // failed and successful sign-ins, for throttling
        M0006_CreatePlaces(),         // places and their names per language
        M0007_CreateCommunities(),    // communities, majority or not within a region
        M0008_CreateOrganizations(),  // organisations with kind, level, parent and place
        M0009_CreatePeople(),         // people, with consent and its history
        M0010_CreatePositions(),      // dated roles of people at organisations
        M0011_CreateNameTokens(),     // folded name words for fast filtering
        M0012_NameTokensCarrySortAndVisibility(), // name words page and count without record look-ups
        M0013_CreateFieldVisitsAndEngagements(), // visits, engagements, participants, head-counts, follow-ups
        M0014_CreateQuotes(),         // what was said at engagements, and whether it may be published
        M0015_CreatePhotos(),         // photos of engagements; the images are files in the photo folder
        M0016_CreateEngagementKinds(), // kinds of engagement added by administrators
        M0017_NameTokensInNameOrderWithAllWords(), // several words and common names answered in the name index
        M0018_CreateContextEvents(), // what happens around the work
        M0019_CreateAgreements(), // what comes out of the meetings
        M0020_CreateWorkingGroups(), // who carries an agreement forward
        M0021_CreateRecommendations(), // what the work asks of institutions
        M0022_CreateCoordination(), // who does what where
        M0023_CreateAgreementDocuments(), // signed copies of agreements
        M0024_CreateVisitReportNarratives(), // the author's sections of a visit report
        M0025_CreatePublicUpdates(), // the public update of a visit and who it may name
        M0026_CreateStakeholderAssessments(), // dated influence, interest and stance for the stakeholder grid
        M0027_CreateSearchIndex(), // one search box, through the name folding, on FTS5 or PostgreSQL full text
        M0028_CreateImportsAndDuplicateDismissals(), // staged spreadsheet imports; pairs marked "not the same"
        M0029_CreateCalendarFeeds(), // personal calendar feeds: only the hash of each secret address
        M0030_NameTokensKeyedByWord(), // name words keyed by what they are looked up by, no identity of their own
        M0031_InterfaceLanguage(),     // each user's interface language; the site's settings (its default language)
        M0032_SavedFilters(),          // each user's saved filters of the lists
        M0033_ParticipationStarts(),   // each participation carries its engagement's start: last contact in one look-up
        M0034_HeadCountAges(),         // head-counts by age band; gender and community breakdowns in their fixed keys
        M0035_Captures(),              // captures from devices kept once each; what their authors must look at
        M0036_TwoFactor(),             // two-factor sign-in: authenticator secrets, recovery code hashes, pending second steps
        M0037_SearchPrivateWords(),    // sensitive fields: a person's notes indexed apart from their names
        M0038_RetentionDecisions(),    // decisions to keep people past the retention period, with their reasons
        M0039_PostgresLiveIndexes(),   // PostgreSQL: partial indexes over live rows, so lists come in index order
        M0040_NameTokensCarryCommunity(), // a person's name words carry their community: name and community from the words alone
        M0041_PostgresSearchByKind(),  // PostgreSQL: search words coded by kind and restriction, as SQLite's are
        M0042_SearchWords(),           // SQLite: the search index's words, so a search names the words its prefixes begin
        M0043_PostgresSearchWords(),   // PostgreSQL: the same list of words
        M0044_NameTokensInNameOrderByWord(), // a word's name rows in name order: a page of a common name reads only itself
        M0045_SearchWordCounts(),      // each search word counts its documents: a common word's "100+" without counting
    ]
}
