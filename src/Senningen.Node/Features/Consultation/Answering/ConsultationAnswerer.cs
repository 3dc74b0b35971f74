using System.Globalization;
using Senningen.Core.Anpr;
using Senningen.Core.Consultation;
using Senningen.Core.Consultation.Names;
using Senningen.Core.Consultation.Registry;
using Senningen.Core.Treaty;
using Senningen.Node.Common.Audit;
using Senningen.Node.Common.Configuration;
using Senningen.Node.Features.Registry.Public;

namespace Senningen.Node.Features.Consultation.Answering;

/// <summary>
/// The answering side of a consultation (ADR 0013): this node decides from its own reading of the treaty catalogue
/// what the requesting country may see, looks up its registers, cuts each item down to that level, and audits what it
/// disclosed, to whom, why and under which rule. The audit entry is added to the caller's unit of work (the inbox
/// handler's, with the answer's outbox message): the caller saves. Nothing found and hit/no-hit answers are audited
/// too: the DPO sees every consultation of this country's data.
/// </summary>
internal sealed class ConsultationAnswerer(TreatyCatalogue catalogue, IPersonIndex persons, IPersonRegistry personRegistry,
    IVehicleRegistry vehicles, IDocumentRegistry documents, IPoliceRecordRegistry records, AuditLog audit, NodeSettings node, TimeProvider clock)
{
    /// <summary>The most items one answer carries; the best first.</summary>
    public const int MaxItems = 10;

    public async Task<ConsultationAnswer> AnswerAsync(ConsultationQuery query, CancellationToken ct)
    {
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var decision = ConsultationPolicy.Decide(catalogue, query.Context, query.Requesting, node.Country, query.DataSet, today);
        var rule = decision.Rule is { } r ? $"{r.MissionId}:{r.Acting.Value}-{r.Host.Value}" : null;
        // This node owns the data, so it weighs the criteria itself: a person search too wide for the level the treaty
        // allows gets hit counts only, whatever the asking node checked.
        var selective = PersonSelectivity.Apply(decision.Level, query.DataSet, query.Person);
        var level = selective.Level;
        var (found, tooBroad) = level == DisclosureLevel.Refused ? ([], false)
            : selective.Limited && query.DataSet == DataSet.Persons ? await CountAsync(query, ct)
            : await FindAsync(query, ct);
        var items = level is DisclosureLevel.Summary or DisclosureLevel.Full
            ? [.. found.Take(MaxItems).Select(f => f.Cut(level))]
            : new List<DisclosedItem>();
        var limited = selective.Limited && !tooBroad;
        var answer = new ConsultationAnswer(query.Id, level, rule, decision.Refusal, found.Count > 0, tooBroad, items)
        {
            Count = limited ? found.Count : null,
            ToAdd = limited ? [.. selective.ToAdd.Select(PersonSelectivity.NameOf)] : [],
        };
        audit.Add(new AuditRecord(AuditActions.ConsultationDisclosed, level == DisclosureLevel.Refused ? AuditOutcomes.Denied : AuditOutcomes.Success,
            [$"consultation:{query.Id}", .. items.Select(i => i.Reference)], query.Purpose, query.CaseReference, query.Requesting.Value,
            $"{ConsultationContexts.NameOf(query.Context)} {Disclosure.NameOf(query.DataSet)} for {query.RequestedBy} ({query.Requesting.Value}): " +
            $"level {Disclosure.NameOf(level)} under {rule ?? decision.Refusal}; {Outcome(found.Count, items.Count, tooBroad, limited)}"),
            Actor.Node(node));
        return answer;
    }

    private static string Outcome(int found, int disclosed, bool tooBroad, bool limited) =>
        tooBroad ? "too broad, nothing disclosed"
        : limited ? $"{found} found, count only: {PersonSelectivity.NotSelectiveEnough}, nothing disclosed"
        : $"{found} found, {disclosed} disclosed";

    /// <summary>The most persons a counts-only answer counts; more shows as this number.</summary>
    public const int MaxCount = 500;

    // A counts-only answer reads nothing from the register: the index alone says how many match, without the ten-item cap.
    private async Task<(List<Found> Found, bool TooBroad)> CountAsync(ConsultationQuery query, CancellationToken ct)
    {
        var result = (await persons.CurrentAsync(ct)).Search(query.Person!, MaxCount);
        return result.IsRefused ? ([], true) : ([.. result.Matches.Select(m => new Found($"index:{m.Record.Id}", null, [], []))], false);
    }

    private async Task<(List<Found> Found, bool TooBroad)> FindAsync(ConsultationQuery query, CancellationToken ct)
    {
        switch (query.DataSet)
        {
            case DataSet.Persons or DataSet.Records when query.Person is { } person:
                var result = (await persons.CurrentAsync(ct)).Search(person, MaxItems);
                if (result.IsRefused)
                {
                    return ([], true);
                }

                var found = new List<Found>();
                foreach (var match in result.Matches)
                {
                    if (await personRegistry.FindAsync(long.Parse(match.Record.Id, CultureInfo.InvariantCulture), ct) is not { } p)
                    {
                        continue;
                    }

                    // The records data set answers with the police records and alerts on the persons found, not the persons.
                    if (query.DataSet == DataSet.Records)
                    {
                        found.AddRange((await records.ForSubjectAsync(RecordSubject.Person, p.Id, ct)).Select(r => Found.Of(r, match)));
                    }
                    else
                    {
                        found.Add(Found.Of(p, match));
                    }
                }

                return (found, false);
            case DataSet.Vehicles when query.Vin is { } vin:
                return (await vehicles.FindByVinAsync(vin, ct) is { } byVin ? [Found.Of(byVin)] : [], false);
            case DataSet.Vehicles when query.Plate is { } text && Core.Anpr.Plate.TryParse(text, out var plate):
                return ([.. (await vehicles.FindByPlateAsync(plate, tolerateConfusions: true, ct)).Select(Found.Of)], false);
            case DataSet.Documents when query.DocumentNumber is { } number:
                return ([.. (await documents.FindByNumberAsync(DocumentNumbers.Normalise(number), ct)).Select(Found.Of)], false);
            default:
                return ([], false);
        }
    }

    /// <summary>An item in full, with the fields a summary keeps marked; the explanation lists the fields that agreed or disagreed.</summary>
    private sealed record Found(string Reference, double? Score, IReadOnlyList<string> Explanation, IReadOnlyList<(string Field, string Value, bool Summary)> Fields)
    {
        public DisclosedItem Cut(DisclosureLevel level) => new(Reference, Score,
            Fields.Where(f => level == DisclosureLevel.Full || f.Summary).ToDictionary(f => f.Field, f => f.Value), Explanation);

        public static Found Of(RegistryPerson p, PersonMatch match) => new($"registry-person:{p.Id}", Math.Round(match.Score, 2),
            Explain(match),
            [
                ("surname", p.Surname, true), ("givenNames", p.GivenNames, true), ("birthDate", Day(p.BirthDate), true),
                ("nationality", p.Nationality.Value, true), ("nationalId", p.NationalId.ToString(), false), ("sex", p.Sex.ToString(), false),
                ("street", p.Address.Street, false), ("houseNumber", p.Address.HouseNumber, false), ("postcode", p.Address.Postcode, false),
                ("municipality", p.Address.Municipality, true),
            ]);

        public static Found Of(PoliceRecord r, PersonMatch match) => new($"registry-record:{r.Id}", Math.Round(match.Score, 2),
            Explain(match),
            [
                ("kind", r.Kind.ToString(), true), ("handling", r.Handling.ToString(), true), ("recordedOn", Day(r.RecordedOn), true),
                ("subject", $"registry-person:{r.SubjectId}", false), ("summary", r.Summary, false),
            ]);

        public static Found Of(RegistryVehicle v) => new($"registry-vehicle:{v.Id}", null, [],
            [
                ("plate", v.Plate.Text, true), ("make", v.Make, true), ("model", v.Model, true), ("colour", v.Colour, true),
                ("status", v.Status.ToString(), true), ("vin", v.Vin, false), ("firstRegistered", Day(v.FirstRegistered), false),
                ("holder", v.HolderId is { } h ? $"registry-person:{h}" : "", false),
            ]);

        public static Found Of(IdentityDocument d) => new($"registry-document:{d.Id}", null, [],
            [
                ("type", d.Type.ToString(), true), ("number", d.Number, true), ("issuingCountry", d.IssuingCountry.Value, true),
                ("status", d.Status.ToString(), true), ("validUntil", Day(d.ValidUntil), true), ("issuedOn", Day(d.IssuedOn), false),
                ("holder", $"registry-person:{d.HolderId}", false),
            ]);

        // Codes, not words: the asking node tells them in its officer's language ("surname:exact", "birthDate:dayMonthSwapped").
        private static List<string> Explain(PersonMatch match) =>
            [.. match.Explanation.Where(e => e.Agreement != Agreement.Missing).Select(e => $"{Code(e.Field.ToString())}:{Code(e.Agreement.ToString())}")];

        private static string Code(string name) => string.Concat(name.Select((c, i) => i == 0 ? char.ToLowerInvariant(c).ToString() : c.ToString()));

        private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
    }
}
