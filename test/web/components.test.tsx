// Key components in happy-dom: the API client's error mapping, the search typeahead, and the related reasons.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { api, ApiError } from '../../web/src/api/client.ts';
import { SearchBox } from '../../web/src/components/SearchBox.tsx';
import { InlineMarkdown } from '../../web/src/components/InlineMarkdown.tsx';
import { Sparkline } from '../../web/src/components/Sparkline.tsx';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const json = (status: number, body: unknown) => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

describe('api client', () => {
  it('turns problem+json into an ApiError with the detail in words', async () => {
    vi.stubGlobal('fetch', vi.fn(async () => json(404, { status: 404, code: 'NOT_FOUND', detail: 'No paper with id "x"' })));
    const err = await api.node('paper:x').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ApiError);
    expect((err as ApiError).message).toBe('No paper with id "x"');
    expect((err as ApiError).code).toBe('NOT_FOUND');
  });

  it('explains a 503 and a network failure', async () => {
    vi.stubGlobal('fetch', vi.fn(async () => new Response('oops', { status: 503 })));
    expect(((await api.stats().catch((e: unknown) => e)) as Error).message).toMatch(/not reachable/);
    vi.stubGlobal('fetch', vi.fn(async () => Promise.reject(new TypeError('failed'))));
    expect(((await api.stats().catch((e: unknown) => e)) as Error).message).toBe('Cannot reach the server. Is it running?');
  });
});

describe('SearchBox', () => {
  it('shows typed results and picks one with Enter', async () => {
    const fetchMock = vi.fn(async () => json(200, { results: [{ id: 'paper:arxiv:1', type: 'paper', label: 'Expert offloading', score: 1, detail: '2025-05' }, { id: 'author:a', type: 'author', label: 'A', score: 0.5 }] }));
    vi.stubGlobal('fetch', fetchMock);
    const picked: string[] = [];
    render(<SearchBox onPick={(r) => picked.push(r.id)} />);
    fireEvent.change(screen.getByTestId('search-input'), { target: { value: 'offlo' } });
    await waitFor(() => expect(screen.getByTestId('search-results')).toBeTruthy());
    expect(screen.getAllByRole('option').map((o) => o.textContent)).toEqual(['Expert offloadingpaper · 2025-05', 'Aauthor']);
    fireEvent.keyDown(screen.getByTestId('search-input'), { key: 'ArrowDown' });
    fireEvent.keyDown(screen.getByTestId('search-input'), { key: 'Enter' });
    expect(picked).toEqual(['author:a']);
    expect(String((fetchMock.mock.calls[0] as unknown[])[0])).toBe('/api/search?q=offlo&limit=10');
  });
});

describe('Sparkline', () => {
  it('labels the months it draws', () => {
    render(<Sparkline points={[{ month: '2024-10', papers: 2 }, { month: '2024-11', papers: 5 }]} />);
    expect(screen.getByTestId('sparkline').getAttribute('aria-label')).toBe('Papers per month: 2024-10 2, 2024-11 5');
    expect(screen.getByTestId('sparkline').querySelector('figcaption')!.textContent).toBe('2024-10 – 2024-11 · 7 dated papers · peak 5 in 2024-11');
  });

  it('says a single month in words instead of drawing a lone point', () => {
    render(<Sparkline points={[{ month: '2025-05', papers: 4 }]} />);
    expect(screen.getByTestId('sparkline').textContent).toBe('4 dated papers, all from 2025-05.');
    expect(screen.getByTestId('sparkline').querySelector('svg')).toBeNull();
  });
});

describe('InlineMarkdown', () => {
  it('renders bold, italic, code and http(s) links as elements and keeps the rest as plain text', () => {
    const { container } = render(
      <p>
        <InlineMarkdown text="We study **local routing consistency** of *expert offloading* with `vLLM`; see [Code](https://github.com/a/b) and 2 * 3 * 4, a*b, **unclosed, [x](javascript:alert(1)) <b>raw</b>" />
      </p>,
    );
    const p = container.querySelector('p')!;
    expect(p.querySelector('strong')!.textContent).toBe('local routing consistency');
    expect(p.querySelector('em')!.textContent).toBe('expert offloading');
    expect(p.querySelector('code')!.textContent).toBe('vLLM');
    const links = p.querySelectorAll('a');
    expect(links).toHaveLength(1);
    expect(links[0]!.getAttribute('href')).toBe('https://github.com/a/b');
    expect(links[0]!.textContent).toBe('Code');
    expect(p.querySelectorAll('strong, em, code')).toHaveLength(3);
    expect(p.querySelector('b')).toBeNull();
    expect(p.textContent).toBe('We study local routing consistency of expert offloading with vLLM; see Code and 2 * 3 * 4, a*b, **unclosed, [x](javascript:alert(1)) <b>raw</b>');
  });
});
