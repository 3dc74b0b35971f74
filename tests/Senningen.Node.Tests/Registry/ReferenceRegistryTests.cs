using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Senningen.Core.Anpr;
using Senningen.Core.Consultation.Registry;
using Senningen.Core.Consultation.Registry.Synthetic;
using Senningen.Core.Countries;
using Senningen.Node.Features.Registry.Data;
using Senningen.Node.Features.Registry.Public;
using Senningen.Testing;
using static Senningen.Node.Tests.Exchange.ExchangeHelpers;

namespace Senningen.Node.Tests.Registry;

/// <summary>
/// The reference adapter on both stores, against the generator as oracle: a demo node seeds the same registry the
/// generator produces in memory, and every lookup finds exactly what the oracle says it should.
/// </summary>
public sealed class ReferenceRegistryTests
{
    private const int DemoPersons = 2000;
    private const long DemoSeed = 20181023;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData(Store.Sqlite, "BE")]
    [InlineData(Store.Sqlite, "NL")]
    [InlineData(Store.Postgres, "LU")]
    [InlineData(Store.Postgres, "BE")]
    public async Task DemoNode_SeedsItsCountrysRegistry_AsTheGeneratorMakesIt_AndAuditsIt(Store store, string country)
    {
        await using var node = await TestNode.StartAsync(store, country);
        var oracle = Oracle(country);

        var stored = await QueryAsync(node, db => db.RegistryPersons.AsNoTracking().OrderBy(p => p.Id).ToListAsync(Ct));
        var counts = await QueryAsync(node, async db => (await db.RegistryVehicles.CountAsync(Ct), await db.RegistryDocuments.CountAsync(Ct),
            await db.RegistryRecords.CountAsync(Ct)));
        var audit = await QueryAsync(node, db => db.AuditEntries.AsNoTracking().Where(e => e.Action == "registry.generate").ToListAsync(Ct));

        stored.Count.ShouldBe(DemoPersons);
        stored.Select(p => p.NationalId).ShouldBe(oracle.SelectMany(h => h.Persons).Select(p => p.NationalId.Digits));
        counts.ShouldBe((oracle.Sum(h => h.Vehicles.Count), oracle.Sum(h => h.Documents.Count), oracle.Sum(h => h.Records.Count)));
        var entry = audit.ShouldHaveSingleItem();
        (entry.Actor, entry.Outcome).ShouldBe(("(node)", "success"));
        entry.Detail!.ShouldContain($"{DemoPersons} persons");
    }

    [Theory]
    [InlineData(Store.Sqlite)]
    [InlineData(Store.Postgres)]
    public async Task Lookups_ByIdNationalIdCandidatesPlateVinDocumentAndSubject_FindWhatTheOracleHolds(Store store)
    {
        await using var node = await TestNode.StartAsync(store, "BE");
        var oracle = Oracle("BE");
        var persons = oracle.SelectMany(h => h.Persons).ToList();
        var vehicles = oracle.SelectMany(h => h.Vehicles).ToList();
        var documents = oracle.SelectMany(h => h.Documents).ToList();
        var records = oracle.SelectMany(h => h.Records).ToList();
        await using var scope = node.Services.CreateAsyncScope();
        var people = scope.ServiceProvider.GetRequiredService<IPersonRegistry>();
        var cars = scope.ServiceProvider.GetRequiredService<IVehicleRegistry>();
        var papers = scope.ServiceProvider.GetRequiredService<IDocumentRegistry>();
        var police = scope.ServiceProvider.GetRequiredService<IPoliceRecordRegistry>();

        var someone = persons[1234];
        (await people.FindAsync(someone.Id, Ct)).ShouldBe(someone);
        (await people.FindByNationalIdAsync(someone.NationalId, Ct)).ShouldBe(someone);
        (await people.FindByNationalIdAsync(NationalId.Parse(CountryCode.Belgium, BelgianNationalNumber.Create(new DateOnly(1901, 1, 1), 1)), Ct)).ShouldBeNull();

        var key = SurnameKey.Of(someone.Surname);
        var sameYear = persons.Where(p => SurnameKey.Of(p.Surname) == key && p.BirthDate.Year == someone.BirthDate.Year).ToList();
        var candidates = await people.CandidatesAsync(new PersonCandidateQuery(key, someone.BirthDate.Year), Ct);
        candidates.Persons.ShouldBe(sameYear);
        candidates.Truncated.ShouldBeFalse();
        var common = persons.GroupBy(p => SurnameKey.Of(p.Surname)).OrderByDescending(g => g.Count()).First();
        var cut = await people.CandidatesAsync(new PersonCandidateQuery(common.Key, null, Limit: 5), Ct);
        (cut.Persons.Count, cut.Truncated).ShouldBe((5, true));
        (await people.CandidatesAsync(new PersonCandidateQuery(common.Key, null, Limit: common.Count()), Ct)).Truncated.ShouldBeFalse();

        var car = vehicles[17];
        (await cars.FindByPlateAsync(car.Plate, tolerateConfusions: false, Ct)).ShouldBe([car]);
        // The same plate as a camera might misread it: every O-like and I-like character swapped for its look-alike.
        var misread = Plate.Parse(Misread(car.Plate.Text), CountryCode.Belgium);
        (await cars.FindByPlateAsync(misread, tolerateConfusions: true, Ct)).ShouldContain(car);
        (await cars.FindByVinAsync(car.Vin, Ct)).ShouldBe(car);
        (await cars.FindByHolderAsync(car.HolderId!.Value, Ct)).ShouldBe(vehicles.Where(v => v.HolderId == car.HolderId));

        var document = documents[42];
        (await papers.FindByNumberAsync(document.Number, Ct)).ShouldBe([document]);
        (await papers.FindByHolderAsync(document.HolderId, Ct)).ShouldBe(documents.Where(d => d.HolderId == document.HolderId));

        var record = records.First(r => r.Subject == RecordSubject.Person);
        (await police.ForSubjectAsync(RecordSubject.Person, record.SubjectId, Ct)).ShouldBe(
            records.Where(r => r.Subject == RecordSubject.Person && r.SubjectId == record.SubjectId).OrderByDescending(r => r.RecordedOn).ThenByDescending(r => r.Id));
    }

    private static List<SyntheticHousehold> Oracle(string country) =>
        [.. new SyntheticRegistry(CountryCode.Parse(country), DemoSeed).Generate(DemoPersons)];

    private static string Misread(string plate) =>
        string.Concat(plate.Select(c => c switch { '0' => 'O', 'O' => '0', '1' => 'I', 'I' => '1', '8' => 'B', 'B' => '8', _ => c }));
}
