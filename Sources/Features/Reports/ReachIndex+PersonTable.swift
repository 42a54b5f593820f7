import Domain

extension ReachIndex {
    /// People indexed by person number. What counting reads for every participant is one row of 20 bytes:
    /// restriction, liveness, their first post inline (most people hold one: 1.3 a person in the benchmark's
    /// data) and any others as a range into one shared buffer — so a participant costs one read of memory,
    /// not one for the person and another for their posts, and no reference count. Community and gender,
    /// read once per person counted, are columns beside it. (A column for each of these cost a read of each
    /// column for every participant: a year's 125,000 participations were most of a report's time.)
    struct PersonTable {
        /// A post: its first and last day as yyyymmdd (open ends as 0 and Int32.max) and its organisation.
        struct Post {
            var from: Int32
            var to: Int32
            var organization: Int32
        }

        struct Person {
            /// The first post; meaningless when `postCount` is 0.
            var firstPost = Post(from: 0, to: 0, organization: 0)
            /// The other posts are `posts[morePosts ..< morePosts + postCount - 1]`.
            var morePosts: Int32 = 0
            /// Nobody holds 65,535 posts; the count is kept small so that the row stays at 20 bytes.
            var postCount: UInt16 = 0
            var restricted = true
            var live = false
        }

        var rows: [Person] = []
        /// Posts after each person's first.
        var posts: [Post] = []
        /// Into `ReachIndex.communityIDs`; -1 for none.
        var community: [Int32] = []
        /// Into `HeadCountGender.allCases`.
        var gender: [UInt8] = []
        /// Posts no person points at any more (replaced on a change), dropped when they outnumber the rest.
        private var abandoned = 0

        var count: Int { rows.count }

        /// A person not read yet: counted by no one until their row is.
        mutating func appendUnknown() {
            rows.append(Person())
            community.append(-1)
            gender.append(Self.genderNumber(.notRecorded))
        }

        static func genderNumber(_ gender: HeadCountGender) -> UInt8 { UInt8(HeadCountGender.allCases.firstIndex(of: gender)!) }

        mutating func clearPosts(of person: Int) {
            abandoned += max(0, Int(rows[person].postCount) - 1)
            rows[person].postCount = 0
        }

        /// Sets the person's posts (given in one run): the first in their row, the others appended to the buffer.
        mutating func setPosts(of person: Int, _ run: some Collection<Post>) {
            clearPosts(of: person)
            guard let first = run.first else { return }
            rows[person].firstPost = first
            rows[person].morePosts = Int32(posts.count)
            rows[person].postCount = UInt16(clamping: run.count)
            posts.append(contentsOf: run.dropFirst().prefix(Int(UInt16.max) - 1))
        }

        /// The person's posts other than the first.
        func morePosts(of person: Person) -> Range<Int> {
            Int(person.morePosts) ..< Int(person.morePosts) + max(0, Int(person.postCount) - 1)
        }

        /// After many changes the abandoned posts are dropped: every person's run copied into a fresh buffer.
        mutating func compactPostsIfWasteful(after least: Int) {
            guard abandoned > least, abandoned > posts.count / 2 else { return }
            var kept: [Post] = []
            kept.reserveCapacity(posts.count - abandoned)
            for person in 0 ..< count {
                let more = morePosts(of: rows[person])
                rows[person].morePosts = Int32(kept.count)
                kept.append(contentsOf: posts[more])
            }
            posts = kept
            abandoned = 0
        }

        var bytes: Int {
            rows.capacity * MemoryLayout<Person>.stride + posts.capacity * MemoryLayout<Post>.stride + community.capacity * 4 + gender.capacity
        }
    }
}
