using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Senningen.Core.Consultation;
using Senningen.Core.Consultation.Names;
using Senningen.Core.Countries;
using Senningen.Core.Treaty;
using Senningen.Node.Features.Consultation.Answering;
using Senningen.Node.Features.Registry.Data;
using static Senningen.Node.Tests.Exchange.ExchangeHelpers;

namespace Senningen.Node.Tests.Consultation;

/// <summary>
/// A Dutch node answers partners' searches of its (demo) registers: what it discloses depends on who asks in which
/// context, from its own reading of the catalogue; every answer is audited with purpose, case and what left the node.
/// </summary>
public sealed class ConsultationAnswererTests : IAsyncLifetime
{
    private TestNode _nl = null!;
    private StoredPerson _person = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _nl = await TestNode.StartAsync(Store.Sqlite, "NL");
        _person = await QueryAsync(_nl, db => db.RegistryPersons.OrderBy(p => p.Id).Skip(17).FirstAsync(Ct));
    }

    public async ValueTask DisposeAsync() => await _nl.DisposeAsync();

    [Fact]
    public async Task BelgianOfficerAtAJointPost_GetsTheFullRecord_WithWhyItMatched_AndTheDisclosureIsAudited()
    {
        // Upper case, no diacritics, the first given name only: as an officer types it from a document.
        var query = PersonQuery(ConsultationContext.JointPost, "BE", new PersonParticulars
        {
            Surname = Fold(_person.Surname).ToUpperInvariant(),
            GivenNames = _person.GivenNames.Split(' ')[0],
            BirthDate = BirthDate.From(_person.BirthDate.Year, _person.BirthDate.Month, _person.BirthDate.Day),
        });

        var answer = await AnswerAsync(query);

        answer.Level.ShouldBe(DisclosureLevel.Full);
        answer.Rule.ShouldBe("joint-post-consultation:BE-NL");
        answer.Hit.ShouldBeTrue();
        var top = answer.Items[0];
        top.Reference.ShouldBe($"registry-person:{_person.Id}");
        (top.Fields["nationalId"], top.Fields["street"]).ShouldBe((_person.NationalId, _person.Street));
        top.Explanation.ShouldContain("surname:exact");
        top.Explanation.ShouldContain("birthDate:exact");
        var entry = await QueryAsync(_nl, db => db.AuditEntries.SingleAsync(e => e.Action == "consultation.disclosed", Ct));
        (entry.Recipient, entry.Purpose, entry.CaseReference, entry.Outcome).ShouldBe(("BE", "identity check at the joint post", "BE-2026-0042", "success"));
        entry.Records.ShouldContain($"registry-person:{_person.Id}");
        entry.Detail!.ShouldContain("level full under joint-post-consultation:BE-NL");
    }

    [Fact]
    public async Task LuxembourgInTheJointPostContext_FallsBackToHitNoHit_AndNoPersonalDataLeaves()
    {
        var answer = await AnswerAsync(PersonQuery(ConsultationContext.JointPost, "LU", Exact()));

        answer.Level.ShouldBe(DisclosureLevel.HitNoHit);
        answer.Refusal.ShouldBe("joint-post-consultation-not-allowed");
        answer.Rule.ShouldBe("hit-no-hit-consultation:LU-NL");
        answer.Hit.ShouldBeTrue();
        answer.Items.ShouldBeEmpty();
        var entry = await QueryAsync(_nl, db => db.AuditEntries.SingleAsync(e => e.Action == "consultation.disclosed", Ct));
        entry.Records.ShouldBe($"consultation:{answer.QueryId}");
        entry.Detail!.ShouldContain("level hit-no-hit");
    }

    [Fact]
    public async Task MixedPatrol_GetsASummary_WithoutNationalIdOrAddress()
    {
        var answer = await AnswerAsync(PersonQuery(ConsultationContext.MixedPatrol, "BE", Exact()));

        answer.Level.ShouldBe(DisclosureLevel.Summary);
        var top = answer.Items[0];
        top.Fields.Keys.Order(StringComparer.Ordinal).ShouldBe(new[] { "birthDate", "givenNames", "municipality", "nationality", "surname" });
        top.Fields["surname"].ShouldBe(_person.Surname);
    }

    [Fact]
    public async Task ASurnameAlone_GetsHitCountsOnly_SayingWhatToAdd_AndNoPersonLeavesNorIsAuditedAsDisclosed()
    {
        var answer = await AnswerAsync(PersonQuery(ConsultationContext.JointPost, "BE", new PersonParticulars { Surname = _person.Surname }));

        (answer.Level, answer.Hit, answer.TooBroad).ShouldBe((DisclosureLevel.HitNoHit, true, false));
        answer.Items.ShouldBeEmpty();
        answer.Count.ShouldNotBeNull().ShouldBeGreaterThanOrEqualTo(1);
        answer.ToAdd.ShouldBe(["givenNames", "birthDate"]);
        var entry = await QueryAsync(_nl, db => db.AuditEntries.SingleAsync(e => e.Action == "consultation.disclosed", Ct));
        entry.Records.ShouldBe($"consultation:{answer.QueryId}");
        entry.Detail!.ShouldContain($"level hit-no-hit under joint-post-consultation:BE-NL; {answer.Count} found, count only");
        entry.Detail!.ShouldNotContain(_person.NationalId);
    }

    [Fact]
    public async Task ASurnameWithABirthDate_GetsTheLevelTheTreatyAllows()
    {
        var answer = await AnswerAsync(PersonQuery(ConsultationContext.MixedPatrol, "BE", new PersonParticulars
        {
            Surname = _person.Surname,
            BirthDate = BirthDate.From(_person.BirthDate.Year, _person.BirthDate.Month, _person.BirthDate.Day),
        }));

        answer.Level.ShouldBe(DisclosureLevel.Summary);
        (answer.Count, answer.ToAdd.Count).ShouldBe((null, 0));
        answer.Items.ShouldContain(i => i.Reference == $"registry-person:{_person.Id}");
        var entry = await QueryAsync(_nl, db => db.AuditEntries.SingleAsync(e => e.Action == "consultation.disclosed", Ct));
        entry.Records.ShouldContain($"registry-person:{_person.Id}");
    }

    [Fact]
    public async Task AQueryWithNothingSelective_IsRefusedAsTooBroad_AndNothingIsDisclosed()
    {
        // A given name and a year: every Jan born that year. (The ceiling on a surname alone needs a register larger
        // than the demo's 2,000 persons; Core's PersonIndex tests cover it.)
        var answer = await AnswerAsync(PersonQuery(ConsultationContext.JointPost, "BE",
            new PersonParticulars { GivenNames = _person.GivenNames.Split(' ')[0], BirthDate = BirthDate.From(_person.BirthDate.Year) }));

        answer.TooBroad.ShouldBeTrue();
        (answer.Hit, answer.Items.Count).ShouldBe((false, 0));
        var entry = await QueryAsync(_nl, db => db.AuditEntries.SingleAsync(e => e.Action == "consultation.disclosed", Ct));
        entry.Detail!.ShouldContain("too broad, nothing disclosed");
    }

    [Fact]
    public async Task TheRecordsDataSet_AnswersWithThePoliceRecordsOnThePersonFound_AsASummaryAtAJointPost_HitOnlyOnAMixedPatrol()
    {
        var record = await QueryAsync(_nl, db => db.RegistryRecords.Where(r => r.Subject == Senningen.Core.Consultation.Registry.RecordSubject.Person).OrderBy(r => r.Id).FirstAsync(Ct));
        var subject = await QueryAsync(_nl, db => db.RegistryPersons.SingleAsync(p => p.Id == record.SubjectId, Ct));
        var person = new PersonParticulars
        {
            Surname = subject.Surname,
            GivenNames = subject.GivenNames,
            BirthDate = BirthDate.From(subject.BirthDate.Year, subject.BirthDate.Month, subject.BirthDate.Day),
        };

        var full = await AnswerAsync(Query(ConsultationContext.JointPost, "BE", DataSet.Records) with { Person = person });
        var patrol = await AnswerAsync(Query(ConsultationContext.MixedPatrol, "BE", DataSet.Records) with { Person = person });

        // The catalogue gives a joint post a summary of records: what kind, what to do, since when; not the text.
        full.Level.ShouldBe(DisclosureLevel.Summary);
        var item = full.Items.Single(i => i.Reference == $"registry-record:{record.Id}");
        item.Fields.Keys.Order(StringComparer.Ordinal).ShouldBe(new[] { "handling", "kind", "recordedOn" });
        full.Items.ShouldAllBe(i => i.Reference.StartsWith("registry-record:", StringComparison.Ordinal));
        (patrol.Level, patrol.Hit, patrol.Items.Count).ShouldBe((DisclosureLevel.HitNoHit, true, 0));
    }

    [Fact]
    public async Task VehiclesAndDocuments_AreFoundByPlateAndNumber_AtTheLevelOfTheirDataSet()
    {
        var vehicle = await QueryAsync(_nl, db => db.RegistryVehicles.OrderBy(v => v.Id).FirstAsync(Ct));
        var document = await QueryAsync(_nl, db => db.RegistryDocuments.OrderBy(d => d.Id).FirstAsync(Ct));

        var byPlate = await AnswerAsync(Query(ConsultationContext.MixedPatrol, "BE", DataSet.Vehicles) with { Plate = vehicle.Plate.ToLowerInvariant() });
        var byNumber = await AnswerAsync(Query(ConsultationContext.HitNoHit, "LU", DataSet.Documents) with { DocumentNumber = document.Number });
        var unknown = await AnswerAsync(Query(ConsultationContext.JointPost, "BE", DataSet.Documents) with { DocumentNumber = "ZZ0000000" });

        byPlate.Level.ShouldBe(DisclosureLevel.Full);
        byPlate.Items.ShouldContain(i => i.Reference == $"registry-vehicle:{vehicle.Id}" && i.Fields["vin"] == vehicle.Vin);
        (byNumber.Level, byNumber.Hit, byNumber.Items.Count).ShouldBe((DisclosureLevel.HitNoHit, true, 0));
        (unknown.Level, unknown.Hit).ShouldBe((DisclosureLevel.Full, false));
    }

    private PersonParticulars Exact() => new()
    {
        Surname = _person.Surname,
        GivenNames = _person.GivenNames,
        BirthDate = BirthDate.From(_person.BirthDate.Year, _person.BirthDate.Month, _person.BirthDate.Day),
    };

    private static ConsultationQuery PersonQuery(ConsultationContext context, string requesting, PersonParticulars person) =>
        Query(context, requesting, DataSet.Persons) with { Person = person };

    private static ConsultationQuery Query(ConsultationContext context, string requesting, DataSet set) =>
        new(Guid.NewGuid(), context, CountryCode.Parse(requesting), set, null, null, null, "identity check at the joint post", "BE-2026-0042", "officer");

    private async Task<ConsultationAnswer> AnswerAsync(ConsultationQuery query)
    {
        await using var scope = _nl.Services.CreateAsyncScope();
        var answer = await scope.ServiceProvider.GetRequiredService<ConsultationAnswerer>().AnswerAsync(query, Ct);
        await scope.ServiceProvider.GetRequiredService<Common.Persistence.SenningenDbContext>().SaveChangesAsync(Ct);
        return answer;
    }

    private static string Fold(string text) =>
        new([.. text.Normalize(System.Text.NormalizationForm.FormD).Where(c => System.Globalization.CharUnicodeInfo.GetUnicodeCategory(c) != System.Globalization.UnicodeCategory.NonSpacingMark)]);
}
