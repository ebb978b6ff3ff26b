import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react'
import type { Locality, StaffMember } from '@shared/api/contract'
import type { Sector } from '@shared/domain/sector'
import { call } from '../api/client'
import { localName } from '../lib/language'
import { useLanguage } from './useLanguage'

interface Catalogs {
  sectors: Sector[]
  staff: StaffMember[]
  localities: Locality[]
  /** Name of a sector / locality / staff member by id, in the current language; '' when unknown. */
  sectorName(id: number | null): string
  localityName(id: number | null): string
  staffName(id: number | null): string
  /** Loads the catalogs again (after they were edited in Settings). */
  reload(): Promise<void>
}

const CatalogContext = createContext<Catalogs | null>(null)

/** Loads the catalogs every page needs once, and shares them. */
export function CatalogProvider({ children }: { children: ReactNode }) {
  const lang = useLanguage()
  const [data, setData] = useState<{ sectors: Sector[]; staff: StaffMember[]; localities: Locality[] }>({
    sectors: [],
    staff: [],
    localities: [],
  })

  // Each load is numbered: one started earlier can finish later (its requests travel on other
  // connections and may reach the core after a later load's), and its older lists must not
  // overwrite what a later load, made after a save, read.
  const lastLoad = useRef(0)
  const reload = useCallback(async () => {
    const load = ++lastLoad.current
    const [sectors, staff, localities] = await Promise.all([
      call('sectors.list', { includeInactive: true }),
      call('staff.list', { includeInactive: true }),
      call('localities.list', { includeInactive: true }),
    ])
    if (load === lastLoad.current) setData({ sectors, staff, localities })
  }, [])

  useEffect(() => {
    void reload()
  }, [reload])

  const value = useMemo<Catalogs>(() => {
    const byId = <T extends { id: number }>(items: T[]) => new Map(items.map((item) => [item.id, item]))
    const sectors = byId(data.sectors)
    const localities = byId(data.localities)
    const staff = byId(data.staff)
    return {
      ...data,
      sectorName: (id) => {
        const sector = id === null ? undefined : sectors.get(id)
        return sector ? localName(sector, lang) : ''
      },
      localityName: (id) => {
        const locality = id === null ? undefined : localities.get(id)
        return locality ? localName(locality, lang) : ''
      },
      staffName: (id) => (id === null ? '' : (staff.get(id)?.fullName ?? '')),
      reload,
    }
  }, [data, lang, reload])

  return <CatalogContext.Provider value={value}>{children}</CatalogContext.Provider>
}

export function useCatalogs(): Catalogs {
  const value = useContext(CatalogContext)
  if (!value) throw new Error('useCatalogs outside CatalogProvider')
  return value
}
