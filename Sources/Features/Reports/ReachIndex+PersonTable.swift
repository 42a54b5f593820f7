import Domain

extension ReachIndex {
    /// People as parallel columns, indexed by person number: community, gender, restriction, and their
    /// posts as a range into shared buffers, so that counting reads integers and touches no reference count.
    struct PersonTable {
        /// Into `ReachIndex.communityIDs`; -1 for none.
        var community: [Int32] = []
        /// Into `HeadCountGender.allCases`.
        var gender: [UInt8] = []
        var restricted: [Bool] = []
        var live: [Bool] = []
        /// Person p's posts are `postStart[p] ..< postStart[p] + postCount[p]` in the three post columns.
        var postStart: [Int32] = []
        var postCount: [Int32] = []
        /// First and last day of each post as yyyymmdd (open ends as 0 and Int32.max), and its organisation.
        var postFrom: [Int32] = []
        var postTo: [Int32] = []
        var postOrganization: [Int32] = []
        /// Posts no person points at any more (replaced on a change), dropped when they outnumber the rest.
        private var abandoned = 0

        var count: Int { live.count }

        /// A person not read yet: counted by no one until their row is.
        mutating func appendUnknown() {
            community.append(-1); gender.append(Self.genderNumber(.notRecorded)); restricted.append(true); live.append(false)
            postStart.append(0); postCount.append(0)
        }

        static func genderNumber(_ gender: HeadCountGender) -> UInt8 { UInt8(HeadCountGender.allCases.firstIndex(of: gender)!) }

        mutating func clearPosts(of person: Int) {
            abandoned += Int(postCount[person])
            postCount[person] = 0
        }

        /// Sets the person's posts (given in one run, after `clearPosts`), appended at the end of the buffers.
        mutating func setPosts(of person: Int, _ posts: some Collection<(from: Int32, to: Int32, organization: Int32)>) {
            clearPosts(of: person)
            postStart[person] = Int32(postFrom.count)
            postCount[person] = Int32(posts.count)
            for post in posts { postFrom.append(post.from); postTo.append(post.to); postOrganization.append(post.organization) }
        }

        /// After many changes the abandoned posts are dropped: every person's run copied into fresh buffers.
        mutating func compactPostsIfWasteful(after least: Int) {
            guard abandoned > least, abandoned > postFrom.count / 2 else { return }
            var from: [Int32] = [], to: [Int32] = [], organization: [Int32] = []
            let kept = postFrom.count - abandoned
            from.reserveCapacity(kept); to.reserveCapacity(kept); organization.reserveCapacity(kept)
            for person in 0 ..< count {
                let start = Int(postStart[person]), end = start + Int(postCount[person])
                postStart[person] = Int32(from.count)
                from.append(contentsOf: postFrom[start ..< end]); to.append(contentsOf: postTo[start ..< end])
                organization.append(contentsOf: postOrganization[start ..< end])
            }
            postFrom = from; postTo = to; postOrganization = organization
            abandoned = 0
        }

        var bytes: Int {
            community.capacity * 4 + gender.capacity + restricted.capacity + live.capacity
                + (postStart.capacity + postCount.capacity + postFrom.capacity + postTo.capacity + postOrganization.capacity) * 4
        }
    }
}
