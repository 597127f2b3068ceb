/// The searches a mix makes: the genres the prompt named, the genres whose usual sound
/// is nearest the target, and the prompt's mood words. Spotify pages searches by 10
/// since 2026, so each search is one page, and a few well-chosen ones beat many.
struct SearchPlan: Sendable, Equatable {
    struct Search: Sendable, Equatable {
        /// The query as Spotify takes it: `genre:"bossa nova"` or plain words.
        var query: String
        /// The genre the search stands for, which the tracks it finds carry.
        var genre: String?
        /// The mood words it was made from.
        var tags: [String]
        /// Where the page starts: the genre nearest the mood gets a second page.
        var offset = 0
    }

    var searches: [Search]

    /// At most this many searches a mix: each costs a request.
    static let maximumSearches = 6

    init(request: MixRequest, priors: GenrePriors) {
        var searches: [Search] = []
        var genres = request.mood.genres
        // A genre inside another's name ("trap" in "trap latino") would find the same tracks.
        for genre in priors.genres(nearest: request.target, count: 6)
        where !genres.contains(where: { $0.contains(genre) || genre.contains($0) }) {
            genres.append(genre)
        }
        // Nearest the mood first; a genre the prompt named counts as twice as near.
        let named = Set(request.mood.genres)
        genres = genres.enumerated().sorted { left, right in
            func rank(_ genre: String) -> Double {
                (priors.distance(from: genre, to: request.target) ?? 0.05) * (named.contains(genre) ? 0.5 : 1)
            }
            return (rank(left.element), left.offset) < (rank(right.element), right.offset)
        }.map(\.element)
        for genre in genres.prefix(4) {
            searches.append(Search(query: "genre:\"\(genre)\"", genre: genre, tags: []))
        }
        if let nearest = genres.first {
            searches.append(Search(query: "genre:\"\(nearest)\"", genre: nearest, tags: [], offset: 10))
        }
        // The first mood word, which a title might carry: "rain", "summer".
        for tag in request.mood.tags.prefix(1) {
            searches.append(Search(query: tag, genre: nil, tags: [tag]))
        }
        self.searches = Array(searches.prefix(Self.maximumSearches))
    }
}
