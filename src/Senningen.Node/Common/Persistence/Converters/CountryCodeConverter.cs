using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using Senningen.Core.Countries;

namespace Senningen.Node.Common.Persistence.Converters;

/// <summary>A <see cref="CountryCode"/> kept as its two upper-case letters; a stored code Senningen does not know is a bug, not input.</summary>
public sealed class CountryCodeConverter() : ValueConverter<CountryCode, string>(
    code => code.Value,
    text => CountryCode.Parse(text));
