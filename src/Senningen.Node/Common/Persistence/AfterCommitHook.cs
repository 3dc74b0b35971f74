using Microsoft.EntityFrameworkCore;

namespace Senningen.Node.Common.Persistence;

/// <summary>
/// Work to run once the unit of work's changes are saved: signals to console pages and workers, never business
/// writes. It runs once, after the next successful save of this context, and not at all if that save fails.
/// </summary>
public static class AfterCommitHook
{
    public static void AfterCommit(this DbContext db, Action action)
    {
        ArgumentNullException.ThrowIfNull(db);
        void Handler(object? sender, SavedChangesEventArgs e)
        {
            db.SavedChanges -= Handler;
            action();
        }

        db.SavedChanges += Handler;
    }
}
