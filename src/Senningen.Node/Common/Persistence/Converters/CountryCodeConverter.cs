using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using Senningen.Core.Countries;

namespace Senningen.Node.Common.Persistence.Converters;

/// <summary>A country kept as its upper-case two-letter code in a text column; a stored code Senningen does not know fails loudly.</summary>
public sealed class CountryCodeConverter() : ValueConverter<CountryCode, string>(
    country => country.Value,
    code => CountryCode.Parse(code));
