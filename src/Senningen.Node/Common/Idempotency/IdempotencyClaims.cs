using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Senningen.Node.Common.Persistence;

namespace Senningen.Node.Common.Idempotency;

/// <summary>
/// The rows behind <see cref="IdempotencyFilter"/>. A request claims its key in a save of its own (status 0, claimed
/// now), so that a duplicate sent meanwhile is told the key is in progress; the answer then replaces the claim in the
/// transaction of the business change, so either both are kept or neither is. A claim still at status 0 after the
/// timeout belongs to a request that died before committing anything: a retry takes it over. The claim time fences
/// the owner: one that outlived the timeout finds its claim taken and rolls its work back.
/// </summary>
internal sealed class IdempotencyClaims(SenningenDbContext db, TimeProvider clock, TimeSpan timeout)
{
    /// <summary>The key's kept answer or claim (<see cref="Owned"/> false), or the claim time this request now owns it under.</summary>
    public readonly record struct Claim(bool Owned, long ClaimedAtMs, IdempotentRequest? Kept);

    public async Task<Claim> ClaimAsync(string user, string key, string request, CancellationToken ct)
    {
        var now = clock.GetUtcNow().ToUnixTimeMilliseconds();
        var found = await FindAsync(user, key, ct);
        if (found is null)
        {
            if (await TryInsertAsync(new IdempotentRequest { Key = key, UserName = user, Request = request, CreatedAtMs = now }, ct))
            {
                return new Claim(true, now, null);
            }
        }
        else if (found.Status == 0 && found.Request == request && now - found.CreatedAtMs >= (long)timeout.TotalMilliseconds)
        {
            if (await TryTakeOverAsync(found, now, ct))
            {
                return new Claim(true, now, null);
            }
        }
        else
        {
            return new Claim(false, 0, found);
        }

        // Another request with the key got there first: answer as it stands now.
        return new Claim(false, 0, await FindAsync(user, key, ct));
    }

    /// <summary>Writes the answer over this request's claim, in the current save; false when the claim was taken over meanwhile.</summary>
    public async Task<bool> KeepAsync(string user, string key, long claimedAtMs, int status, string? location, string? body, CancellationToken ct)
    {
        var kept = 0;
        await db.SaveChangesAsync(async token => kept = await Mine(user, key, claimedAtMs)
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.Status, status).SetProperty(r => r.Location, location).SetProperty(r => r.Body, body), token), ct);
        return kept == 1;
    }

    /// <summary>Failures are not kept: the client may correct the request and send it again under the same key.</summary>
    public Task ReleaseAsync(string user, string key, long claimedAtMs, CancellationToken ct) =>
        db.SaveChangesAsync(token => Mine(user, key, claimedAtMs).ExecuteDeleteAsync(token), ct);

    /// <summary>After a crash of the request's own work; if even this fails, the timeout releases the key.</summary>
    public async Task AbandonAsync(string user, string key, long claimedAtMs)
    {
        try
        {
            using (await db.EnterWriteAsync(CancellationToken.None))
            {
                await Mine(user, key, claimedAtMs).ExecuteDeleteAsync(CancellationToken.None);
            }
        }
        catch (DbException)
        {
            // The database is what failed; the claim stays until the timeout.
        }
    }

    private Task<IdempotentRequest?> FindAsync(string user, string key, CancellationToken ct) =>
        db.Set<IdempotentRequest>().AsNoTracking().FirstOrDefaultAsync(r => r.UserName == user && r.Key == key, ct);

    private IQueryable<IdempotentRequest> Mine(string user, string key, long claimedAtMs) =>
        db.Set<IdempotentRequest>().Where(r => r.UserName == user && r.Key == key && r.CreatedAtMs == claimedAtMs && r.Status == 0);

    private async Task<bool> TryInsertAsync(IdempotentRequest claim, CancellationToken ct)
    {
        db.Add(claim);
        try
        {
            await db.SaveChangesAsync(ct);
            return true;
        }
        catch (DbUpdateException)
        {
            db.Entry(claim).State = EntityState.Detached;
            if (await FindAsync(claim.UserName, claim.Key, CancellationToken.None) is null)
            {
                throw;
            }

            return false;
        }
        finally
        {
            db.Entry(claim).State = EntityState.Detached;
        }
    }

    private async Task<bool> TryTakeOverAsync(IdempotentRequest dead, long now, CancellationToken ct)
    {
        using (await db.EnterWriteAsync(ct))
        {
            return await Mine(dead.UserName, dead.Key, dead.CreatedAtMs).ExecuteUpdateAsync(s => s.SetProperty(r => r.CreatedAtMs, now), ct) == 1;
        }
    }
}
