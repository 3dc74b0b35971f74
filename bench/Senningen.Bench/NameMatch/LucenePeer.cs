using System.Diagnostics;
using System.Globalization;
using Lucene.Net.Analysis.Core;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Store;
using Lucene.Net.Util;

namespace Senningen.Bench.NameMatch;

/// <summary>
/// The Lucene.Net peer: FEBRL 4a in an in-memory index, one keyword field per attribute; each 4b record is one
/// boolean query of SHOULD clauses, a <see cref="FuzzyQuery"/> (up to two edits) per name and address field and
/// per code (one edit for date, postcode and identifier), ranked by Lucene's score. Fuzzy search as a search engine
/// does it.
/// </summary>
internal sealed class LucenePeer : IDisposable
{
    private const LuceneVersion Version = LuceneVersion.LUCENE_48;

    private readonly RAMDirectory _directory = new();
    private readonly DirectoryReader _reader;
    private readonly IndexSearcher _searcher;

    public LucenePeer(IReadOnlyList<FebrlRow> originals)
    {
        using (var writer = new IndexWriter(_directory, new IndexWriterConfig(Version, new KeywordAnalyzer())))
        {
            foreach (var row in originals)
            {
                var document = new Document { new StringField("id", row.Id, Field.Store.YES) };
                foreach (var (name, value) in Fields(row, withIdentifier: true))
                {
                    document.Add(new StringField(name, value, Field.Store.NO));
                }

                writer.AddDocument(document);
            }

            writer.Commit();
        }

        _reader = DirectoryReader.Open(_directory);
        _searcher = new IndexSearcher(_reader);
    }

    public (List<TopOne> Answers, Latency Latency) Link(IReadOnlyList<FebrlRow> duplicates, bool withIdentifier)
    {
        var (answers, latency) = (new List<TopOne>(duplicates.Count), new Latency());
        foreach (var row in duplicates)
        {
            var watch = Stopwatch.StartNew();
            var query = new BooleanQuery();
            foreach (var (name, value) in Fields(row, withIdentifier))
            {
                var edits = name is "dob" or "postcode" or "ssid" ? 1 : 2;
                query.Add(new FuzzyQuery(new Term(name, value), edits), Occur.SHOULD);
            }

            var top = _searcher.Search(query, 1);
            var id = top.ScoreDocs.Length == 0 ? null : _searcher.Doc(top.ScoreDocs[0].Doc).Get("id", CultureInfo.InvariantCulture);
            var answer = id is null ? new TopOne(null, 0, false) : new TopOne(id, top.ScoreDocs[0].Score, id == row.TrueOriginal);
            latency.Add(watch.Elapsed.TotalMilliseconds);
            answers.Add(answer);
        }

        return (answers, latency);
    }

    public void Dispose()
    {
        _reader.Dispose();
        _directory.Dispose();
    }

    private static IEnumerable<(string Name, string Value)> Fields(FebrlRow row, bool withIdentifier)
    {
        var fields = new[]
        {
            ("given", row.GivenName), ("surname", row.Surname), ("address", row.Address1), ("suburb", row.Suburb),
            ("number", row.StreetNumber), ("dob", row.DateOfBirth), ("postcode", row.Postcode), ("ssid", withIdentifier ? row.SocSecId : ""),
        };
        return fields.Where(f => f.Item2.Length > 0);
    }
}
