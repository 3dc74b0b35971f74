using Senningen.Core.Consultation.Registry;
using Senningen.Core.Countries;

namespace Senningen.Node.Features.Registry.Data;

/// <summary>
/// A person of the reference registry. <see cref="SurnameKey"/> and <see cref="BirthYear"/> are stored beside the
/// surname and date so that candidate queries run on one index.
/// </summary>
public sealed class StoredPerson
{
    public long Id { get; set; }

    public string NationalId { get; set; } = "";

    public string Surname { get; set; } = "";

    public string GivenNames { get; set; } = "";

    public string SurnameKey { get; set; } = "";

    public DateOnly BirthDate { get; set; }

    public int BirthYear { get; set; }

    public Sex Sex { get; set; }

    public CountryCode Nationality { get; set; }

    public string Street { get; set; } = "";

    public string HouseNumber { get; set; } = "";

    public string Postcode { get; set; } = "";

    public string Municipality { get; set; } = "";

    public CountryCode Country { get; set; }
}
