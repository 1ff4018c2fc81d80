using System.Globalization;
using System.Text;

namespace ActiveCitizen.App.Features.Ideas;

/// <summary>
/// Turns what a resident typed into a safe full-text query for the ideas index (SQLite FTS5). Words are quoted, so nothing typed
/// is ever read as query syntax; English words are stemmed by the index itself (Porter), Russian ones here, by cutting common
/// endings and matching the stem as a prefix ("оплаты", "оплату" and "оплата" all find each other).
/// </summary>
public static class IdeaSearchText
{
    private const int MaxTerms = 12;
    private const int MinStemLength = 3;

    /// <summary>
    /// Russian stems are cut to this many letters: the index keeps its own lists for prefixes of 3 to 6 letters, and reading one
    /// of those is far cheaper than merging every word that starts with a longer stem. English words are stemmed by the index's
    /// Porter tokenizer instead, which already shortens them.
    /// </summary>
    public const int MaxRussianPrefix = 6;

    private static readonly string[] RussianEndings =
    [
        "иями", "ями", "ами", "ыми", "ими", "ого", "его", "ому", "ему", "ыми", "ать", "ять", "ить", "еть", "ешь", "ете", "ует",
        "ией", "ием", "иях", "ях", "ах", "ой", "ей", "ий", "ый", "ая", "яя", "ое", "ее", "ые", "ие", "ов", "ев", "ам", "ям",
        "ом", "ем", "ую", "юю", "ия", "ие", "ии", "ью", "ут", "ют", "ит", "ет",
        "а", "я", "о", "е", "ы", "и", "у", "ю", "ь", "й",
    ];

    /// <summary>Little words that say nothing about what an idea is about; left out when looking for similar ideas.</summary>
    private static readonly HashSet<string> StopWords = new(StringComparer.Ordinal)
    {
        "the", "and", "for", "with", "that", "this", "from", "are", "was", "were", "will", "can", "could", "should", "would", "not",
        "have", "has", "all", "more", "make", "please", "our", "your", "their", "there", "when", "what", "which", "into", "also",
        "как", "что", "это", "для", "или", "при", "чтобы", "если", "так", "все", "всё", "его", "она", "они", "мы", "вы", "нам",
        "нас", "вас", "уже", "еще", "ещё", "где", "когда", "можно", "нужно", "надо", "очень", "было", "быть", "есть", "был",
        "была", "были", "этот", "эта", "эти", "этого", "тоже", "также", "через", "после", "перед", "между", "только", "чем",
    };

    /// <summary>Every word must occur (the catalog's search box). Null when nothing searchable was typed.</summary>
    public static string? MatchAll(string? text) => Join(Terms(text, significantOnly: false), " ");

    /// <summary>Any of the given terms may occur (similar ideas while typing).</summary>
    public static string? MatchAny(IEnumerable<string> terms) => Join([.. terms], " OR ");

    /// <summary>The meaningful words of a draft as index terms (stems, matched as prefixes), in the order they were typed.</summary>
    public static IReadOnlyList<string> SignificantTerms(string? text) => Terms(text, significantOnly: true);

    /// <summary>
    /// The index words a term's document count is looked up under. Russian stems are as indexed; English words are stemmed by the
    /// index's Porter tokenizer, which .NET does not have, so their first four letters stand in (an over-estimate, never an under-).
    /// </summary>
    public static string VocabularyPrefix(string term) => IsCyrillic(term) || term.Length <= 4 ? term : term[..4];

    private static string? Join(List<string> terms, string separator) =>
        terms.Count == 0 ? null : string.Join(separator, terms.Select(term => $"\"{term}\"*"));

    private static List<string> Terms(string? text, bool significantOnly)
    {
        var terms = new List<string>();
        foreach (var word in Words(text ?? ""))
        {
            if (word.Length < 2 || (significantOnly && (word.Length < 3 || StopWords.Contains(word))))
            {
                continue;
            }
            var stem = Stem(word);
            var term = IsCyrillic(stem) && stem.Length > MaxRussianPrefix ? stem[..MaxRussianPrefix] : stem;
            if (!terms.Contains(term))
            {
                terms.Add(term);
            }
            if (terms.Count == MaxTerms)
            {
                break;
            }
        }
        return terms;
    }

    private static IEnumerable<string> Words(string text)
    {
        var word = new StringBuilder();
        foreach (var character in text.Normalize(NormalizationForm.FormC))
        {
            if (char.IsLetterOrDigit(character))
            {
                word.Append(char.ToLowerInvariant(character == 'ё' || character == 'Ё' ? 'е' : character));
            }
            else if (word.Length > 0)
            {
                yield return word.ToString();
                word.Clear();
            }
        }
        if (word.Length > 0)
        {
            yield return word.ToString();
        }
    }

    /// <summary>A light Russian stemmer: the longest common ending goes, as long as a stem of three letters remains.</summary>
    public static string Stem(string word)
    {
        if (!IsCyrillic(word))
        {
            return word;
        }
        foreach (var ending in RussianEndings.OrderByDescending(ending => ending.Length))
        {
            if (word.Length - ending.Length >= MinStemLength && word.EndsWith(ending, StringComparison.Ordinal))
            {
                return word[..^ending.Length];
            }
        }
        return word;
    }

    private static bool IsCyrillic(string word) =>
        word.Any(character => CharUnicodeInfo.GetUnicodeCategory(character) == UnicodeCategory.LowercaseLetter && character is >= 'а' and <= 'я');
}
