namespace Senningen.Core.Access;

/// <summary>How far a user reaches over a capability's objects, narrowest first; a wider reach includes the narrower ones.</summary>
public enum Reach
{
    /// <summary>Nothing of the capability: every object is "not found".</summary>
    None,

    /// <summary>The objects of the user's own unit.</summary>
    OwnUnit,

    /// <summary>The own unit's, and those whose zone is one the user's control room answers for.</summary>
    Zones,

    /// <summary>Every object of the node (the national desk).</summary>
    Country,
}

/// <summary>What a user does with an object: reading it shows personal data; changing it acts in someone's operation.</summary>
public enum AccessKind
{
    Read,
    Change,
}

/// <summary>The capabilities whose objects belong to a unit. The same rules cover the API, the console, exports and the CLI.</summary>
public enum Capability
{
    /// <summary>This node's own operations (pursuits, observations, escorts, transports) and their positions.</summary>
    Operations,

    /// <summary>Partners' operations on this territory, as crossing alerts.</summary>
    Alerts,

    /// <summary>Cooperation requests, drafts and their attachments, in both directions.</summary>
    Requests,

    /// <summary>Searches in partners' registers and their answers.</summary>
    Consultation,

    /// <summary>ANPR hits, own cameras' and partners'.</summary>
    AnprHits,

    /// <summary>The payload of an exchange message that carries personal data, as the Exchange monitor would show it.</summary>
    ExchangePayloads,
}
