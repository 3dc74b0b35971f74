namespace Senningen.Core.Consultation.Registry.Synthetic;

/// <summary>The naming traditions the synthetic registries draw from.</summary>
internal enum NameCulture
{
    Dutch,
    Flemish,
    Walloon,
    Luxembourgish,
}
