using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using Senningen.Core.Countries;

namespace Senningen.Node.Common.Persistence.Converters;

/// <summary>A <see cref="CountryCode"/> kept as its two-letter text; only codes Senningen knows are ever written, so reading parses.</summary>
public sealed class CountryCodeConverter()
    : ValueConverter<CountryCode, string>(v => v.Value, v => CountryCode.Parse(v));
