using HighServiceDashboard.Infrastructure.Audit;
using Microsoft.AspNetCore.Components.Server.Circuits;

namespace HighServiceDashboard.App.State;

/// <summary>
/// Every event a circuit handles (a click, a form, a render) acts as the circuit's signed-in
/// person, so that what the event saves is on record under their name.
/// </summary>
public sealed class AuditActorCircuitHandler(CurrentUser user, AuditActor actor) : CircuitHandler
{
    public override Func<CircuitInboundActivityContext, Task> CreateInboundActivityHandler(Func<CircuitInboundActivityContext, Task> next) =>
        async context =>
        {
            actor.Set((await user.GetAsync())?.UserId);
            await next(context);
        };
}
