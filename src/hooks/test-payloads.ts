import type { EventGroup } from '../events/catalogue';

/**
 * The sample payload of the "send test" button, Logto's: every event carries a fake user
 * agent; interaction events add a session, user and application; data and exception events
 * add the API call that caused them.
 */
export function samplePayload(group: EventGroup): Record<string, unknown> {
  const common = { userAgent: 'fake-user-agent' };
  if (group === 'INTERACTION') {
    return {
      ...common,
      interactionEvent: 'SignIn',
      sessionId: 'fake-session-id',
      userIp: '127.0.0.1',
      userId: 'fake-user-id',
      user: {
        id: 'fake-user-id',
        username: 'fake-user',
        primaryEmail: 'fake-user@fake-service.com',
        primaryPhone: '1234567890',
        name: 'Fake User',
        avatar: 'https://fake-service.com/avatars/fake-user.png',
        customData: { theme: 'dark' },
        identities: {},
        lastSignInAt: Date.now(),
        createdAt: Date.now(),
        updatedAt: Date.now(),
        profile: {},
        applicationId: 'fake-application-id',
        isSuspended: false,
      },
      application: { id: 'fake-application-id', type: 'SPA', name: 'Fake Application', description: 'Fake application data' },
    };
  }
  return { ...common, path: '/fake-path/:id', method: 'POST', status: 200, params: { id: 'fake-id' }, data: { result: 'success' } };
}
