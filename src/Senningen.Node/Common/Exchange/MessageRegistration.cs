namespace Senningen.Node.Common.Exchange;

/// <summary>How a capability (or a test, or the bench) tells the node about a message type it owns.</summary>
public static class MessageRegistration
{
    /// <summary>Registers a payload contract and its handler; capabilities call this for each message type they own.</summary>
    public static IServiceCollection AddMessageType<TPayload, THandler>(this IServiceCollection services, string type, int version)
        where TPayload : class
        where THandler : class, IMessageHandler<TPayload>
    {
        services.AddSingleton(new MessageContract(type, version, typeof(TPayload),
            (sp, message, payload, db, ct) => sp.GetRequiredService<THandler>().HandleAsync(message, (TPayload)payload, db, ct))
        {
            Admit = typeof(IMessageAdmission<TPayload>).IsAssignableFrom(typeof(THandler))
                ? (sp, sender, payload, db, ct) => ((IMessageAdmission<TPayload>)sp.GetRequiredService<THandler>()).RefusalAsync(sender, (TPayload)payload, db, ct)
                : null,
        });
        services.AddScoped<THandler>();
        return services;
    }
}
